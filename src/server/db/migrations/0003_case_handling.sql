CREATE TABLE "agent_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"capacity" integer DEFAULT 8 NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" text[] DEFAULT '{zh}'::text[] NOT NULL,
	"work_days" integer[] DEFAULT '{1,2,3,4,5}'::integer[] NOT NULL,
	"work_start" text DEFAULT '09:00' NOT NULL,
	"work_end" text DEFAULT '18:00' NOT NULL,
	"always_on" boolean DEFAULT false NOT NULL,
	"absent_from" timestamp with time zone,
	"absent_until" timestamp with time zone,
	"last_assigned_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agent_profiles_capacity_check" CHECK ("agent_profiles"."capacity" between 0 and 200)
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"actor_name" text NOT NULL,
	"action" text NOT NULL,
	"target_type" text NOT NULL,
	"target_id" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"phone" text NOT NULL,
	"direction" text NOT NULL,
	"agent_id" uuid NOT NULL,
	"caller_user_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"verified_at" timestamp with time zone,
	"verification_method" text,
	"verify_attempts" integer DEFAULT 0 NOT NULL,
	"ended_at" timestamp with time zone,
	"note" text,
	"complaint_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	CONSTRAINT "calls_direction_check" CHECK ("calls"."direction" in ('inbound','outbound'))
);
--> statement-breakpoint
CREATE TABLE "collective_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"merchant_id" uuid,
	"status" text DEFAULT 'open' NOT NULL,
	"progress" text,
	"progress_at" timestamp with time zone,
	"created_by_id" text,
	"created_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "collective_cases_status_check" CHECK ("collective_cases"."status" in ('open','closed'))
);
--> statement-breakpoint
CREATE TABLE "complaint_links" (
	"complaint_a" uuid NOT NULL,
	"complaint_b" uuid NOT NULL,
	"note" text,
	"created_by_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaint_links_complaint_a_complaint_b_pk" PRIMARY KEY("complaint_a","complaint_b"),
	CONSTRAINT "complaint_links_order_check" CHECK ("complaint_links"."complaint_a" < "complaint_links"."complaint_b")
);
--> statement-breakpoint
CREATE TABLE "external_cases" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"platform_code" text NOT NULL,
	"direction" text NOT NULL,
	"external_number" text NOT NULL,
	"status" text NOT NULL,
	"status_note" text,
	"status_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "external_cases_direction_check" CHECK ("external_cases"."direction" in ('outbound','inbound'))
);
--> statement-breakpoint
CREATE TABLE "external_platforms" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "macros" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"team_id" uuid,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "merchant_remedies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_fen" integer,
	"note" text NOT NULL,
	"proposed_by_id" uuid,
	"proposed_by_name" text NOT NULL,
	"proposed_at" timestamp with time zone NOT NULL,
	"respond_by" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'proposed' NOT NULL,
	"responded_at" timestamp with time zone,
	"response_note" text,
	CONSTRAINT "merchant_remedies_kind_check" CHECK ("merchant_remedies"."kind" in ('refund','reship','compensation')),
	CONSTRAINT "merchant_remedies_status_check" CHECK ("merchant_remedies"."status" in ('proposed','accepted','refused','expired'))
);
--> statement-breakpoint
CREATE TABLE "routing_rules" (
	"category_code" text NOT NULL,
	"type_code" text DEFAULT '' NOT NULL,
	"team_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "routing_rules_category_code_type_code_pk" PRIMARY KEY("category_code","type_code")
);
--> statement-breakpoint
CREATE TABLE "shops" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"merchant_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "team_members" (
	"team_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "team_members_team_id_user_id_pk" PRIMARY KEY("team_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"is_expert_seat" boolean DEFAULT false NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "team_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "assignee_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "language" text DEFAULT 'zh' NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "tags" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "escalated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "merchant_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "shop_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "merchant_phase" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "merchant_reply_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "merchant_first_reply_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "collective_id" uuid;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "resolution_method" text;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "tier" text DEFAULT 'standard' NOT NULL;--> statement-breakpoint
ALTER TABLE "merchants" ADD COLUMN "reply_hours" integer DEFAULT 24 NOT NULL;--> statement-breakpoint
ALTER TABLE "agent_profiles" ADD CONSTRAINT "agent_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_agent_id_users_id_fk" FOREIGN KEY ("agent_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calls" ADD CONSTRAINT "calls_caller_user_id_users_id_fk" FOREIGN KEY ("caller_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "collective_cases" ADD CONSTRAINT "collective_cases_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_links" ADD CONSTRAINT "complaint_links_complaint_a_complaints_id_fk" FOREIGN KEY ("complaint_a") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_links" ADD CONSTRAINT "complaint_links_complaint_b_complaints_id_fk" FOREIGN KEY ("complaint_b") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_cases" ADD CONSTRAINT "external_cases_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "external_cases" ADD CONSTRAINT "external_cases_platform_code_external_platforms_code_fk" FOREIGN KEY ("platform_code") REFERENCES "public"."external_platforms"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "macros" ADD CONSTRAINT "macros_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "macros" ADD CONSTRAINT "macros_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_remedies" ADD CONSTRAINT "merchant_remedies_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "merchant_remedies" ADD CONSTRAINT "merchant_remedies_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shops" ADD CONSTRAINT "shops_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "team_members" ADD CONSTRAINT "team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_target_idx" ON "audit_log" USING btree ("target_type","target_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_actor_idx" ON "audit_log" USING btree ("actor_id","at");--> statement-breakpoint
CREATE INDEX "calls_agent_idx" ON "calls" USING btree ("agent_id","started_at");--> statement-breakpoint
CREATE UNIQUE INDEX "collective_cases_number_key" ON "collective_cases" USING btree ("number");--> statement-breakpoint
CREATE INDEX "complaint_links_b_idx" ON "complaint_links" USING btree ("complaint_b");--> statement-breakpoint
CREATE UNIQUE INDEX "external_cases_number_key" ON "external_cases" USING btree ("platform_code","external_number");--> statement-breakpoint
CREATE INDEX "external_cases_complaint_idx" ON "external_cases" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "macros_title_key" ON "macros" USING btree ("title");--> statement-breakpoint
CREATE INDEX "merchant_remedies_complaint_idx" ON "merchant_remedies" USING btree ("complaint_id","proposed_at");--> statement-breakpoint
CREATE INDEX "merchant_remedies_due_idx" ON "merchant_remedies" USING btree ("respond_by") WHERE "merchant_remedies"."status" = 'proposed';--> statement-breakpoint
CREATE UNIQUE INDEX "shops_name_key" ON "shops" USING btree ("name");--> statement-breakpoint
CREATE INDEX "shops_merchant_idx" ON "shops" USING btree ("merchant_id");--> statement-breakpoint
CREATE INDEX "team_members_user_idx" ON "team_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_code_key" ON "teams" USING btree ("code");--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_merchant_id_merchants_id_fk" FOREIGN KEY ("merchant_id") REFERENCES "public"."merchants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_collective_id_collective_cases_id_fk" FOREIGN KEY ("collective_id") REFERENCES "public"."collective_cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaints_assignee_idx" ON "complaints" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "complaints_queue_idx" ON "complaints" USING btree ("team_id","priority","created_at") WHERE "complaints"."assignee_id" is null;--> statement-breakpoint
CREATE INDEX "complaints_merchant_idx" ON "complaints" USING btree ("merchant_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_collective_idx" ON "complaints" USING btree ("collective_id");--> statement-breakpoint
CREATE INDEX "complaints_merchant_due_idx" ON "complaints" USING btree ("merchant_reply_due_at") WHERE "complaints"."merchant_phase" = 'awaiting_reply';--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_merchant_phase_check" CHECK ("complaints"."merchant_phase" is null or "complaints"."merchant_phase" in ('awaiting_reply','replied','remedy_proposed','remedy_accepted','remedy_refused','arbitration','arbitrated'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_resolution_method_check" CHECK ("complaints"."resolution_method" is null or "complaints"."resolution_method" in ('service','merchant','arbitration'));--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_tier_check" CHECK ("merchants"."tier" in ('standard','gold','flagship'));--> statement-breakpoint
ALTER TABLE "merchants" ADD CONSTRAINT "merchants_reply_hours_check" CHECK ("merchants"."reply_hours" between 1 and 168);