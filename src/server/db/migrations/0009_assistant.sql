CREATE TABLE "assistant_conversations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"locale" text DEFAULT 'zh-CN' NOT NULL,
	"status" text DEFAULT 'bot' NOT NULL,
	"topic_entry_id" text,
	"negativity" real DEFAULT 0 NOT NULL,
	"unresolved_streak" integer DEFAULT 0 NOT NULL,
	"state" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"handoff_reason" text,
	"handoff_at" timestamp with time zone,
	"team_code" text,
	"agent_id" uuid,
	"agent_name" text,
	"taken_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistant_conversations_status_check" CHECK ("assistant_conversations"."status" in ('bot','waiting','live','closed'))
);
--> statement-breakpoint
CREATE TABLE "assistant_messages" (
	"conversation_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sender" text NOT NULL,
	"text" text NOT NULL,
	"outcome" text,
	"entry_id" text,
	"confidence" real,
	"emotion_label" text,
	"emotion_score" real,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"helpful" boolean,
	"agent_id" uuid,
	"agent_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistant_messages_conversation_id_seq_pk" PRIMARY KEY("conversation_id","seq"),
	CONSTRAINT "assistant_messages_sender_check" CHECK ("assistant_messages"."sender" in ('person','bot','agent','system'))
);
--> statement-breakpoint
CREATE TABLE "assistant_scripts" (
	"id" text PRIMARY KEY NOT NULL,
	"emotion" text NOT NULL,
	"locale" text NOT NULL,
	"text" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"category" text NOT NULL,
	"question" text NOT NULL,
	"similar" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"updated_by_name" text
);
--> statement-breakpoint
CREATE TABLE "kb_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"entry_id" text NOT NULL,
	"action" text NOT NULL,
	"changes" jsonb NOT NULL,
	"actor_id" uuid,
	"actor_name" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kb_history_action_check" CHECK ("kb_history"."action" in ('create','update','delete','import'))
);
--> statement-breakpoint
CREATE TABLE "kb_revision" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assistant_conversations" ADD CONSTRAINT "assistant_conversations_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_conversations" ADD CONSTRAINT "assistant_conversations_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_messages" ADD CONSTRAINT "assistant_messages_conversation_id_assistant_conversations_id_fk" FOREIGN KEY ("conversation_id") REFERENCES "public"."assistant_conversations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_messages" ADD CONSTRAINT "assistant_messages_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_entries" ADD CONSTRAINT "kb_entries_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_history" ADD CONSTRAINT "kb_history_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assistant_conversations_queue_idx" ON "assistant_conversations" USING btree ("team_code","handoff_at") WHERE "assistant_conversations"."status" = 'waiting';--> statement-breakpoint
CREATE INDEX "assistant_conversations_agent_idx" ON "assistant_conversations" USING btree ("agent_id") WHERE "assistant_conversations"."status" = 'live';--> statement-breakpoint
CREATE INDEX "assistant_conversations_created_idx" ON "assistant_conversations" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "assistant_messages_at_idx" ON "assistant_messages" USING btree ("at");--> statement-breakpoint
CREATE INDEX "kb_entries_category_idx" ON "kb_entries" USING btree ("category");--> statement-breakpoint
CREATE INDEX "kb_history_entry_idx" ON "kb_history" USING btree ("entry_id","at");--> statement-breakpoint
CREATE INDEX "kb_history_at_idx" ON "kb_history" USING btree ("at");--> statement-breakpoint
INSERT INTO kb_revision (id, revision) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
