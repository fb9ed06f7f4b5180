CREATE TABLE "complaint_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaint_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"action" text,
	"from_status" text,
	"to_status" text,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"actor_name" text NOT NULL,
	"opinion" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"status" text NOT NULL,
	"category_code" text NOT NULL,
	"type_code" text NOT NULL,
	"rules" jsonb NOT NULL,
	"priority" text NOT NULL,
	"channel" text NOT NULL,
	"complainant_id" uuid NOT NULL,
	"contact" jsonb NOT NULL,
	"description" text NOT NULL,
	"demand" text NOT NULL,
	"fields" jsonb NOT NULL,
	"filed_by_kind" text NOT NULL,
	"filed_by_id" text,
	"filed_ip" text,
	"flags" text[] DEFAULT '{}'::text[] NOT NULL,
	"repeat_count" integer DEFAULT 0 NOT NULL,
	"accepted_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"resolved_by" text,
	"appeal_deadline" timestamp with time zone,
	"appealed_at" timestamp with time zone,
	"appeal_resolver" text,
	"closed_at" timestamp with time zone,
	"estimated_completion_at" timestamp with time zone,
	"latest_opinion" text,
	"latest_opinion_at" timestamp with time zone,
	"latest_opinion_by" text,
	"rating" integer,
	"rating_comment" text,
	"rated_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "complaints_status_check" CHECK ("complaints"."status" in ('submitted','accepted','reviewing','investigating','awaiting_materials','transferred','resolved','appealed','reconsidering','rejected','closed')),
	CONSTRAINT "complaints_priority_check" CHECK ("complaints"."priority" in ('red','yellow','green')),
	CONSTRAINT "complaints_rating_check" CHECK ("complaints"."rating" is null or "complaints"."rating" between 1 and 5),
	CONSTRAINT "complaints_description_check" CHECK (char_length("complaints"."description") between 1 and 200)
);
--> statement-breakpoint
CREATE TABLE "evidence_blobs" (
	"sha256" text PRIMARY KEY NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evidence_records" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sha256" text NOT NULL,
	"name" text NOT NULL,
	"mime" text NOT NULL,
	"kind" text NOT NULL,
	"size" bigint NOT NULL,
	"duration_ms" integer,
	"evidence_key" text,
	"submission_id" uuid NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL,
	"uploader_kind" text NOT NULL,
	"uploader_id" text,
	"prev_hash" text NOT NULL,
	"record_hash" text NOT NULL,
	CONSTRAINT "evidence_records_kind_check" CHECK ("evidence_records"."kind" in ('image','document','video'))
);
--> statement-breakpoint
CREATE TABLE "idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"request_hash" text NOT NULL,
	"status" integer NOT NULL,
	"complaint_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "material_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"complaint_id" uuid NOT NULL,
	"items" jsonb NOT NULL,
	"note" text,
	"requested_by_id" text,
	"requested_by_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"fulfilled_at" timestamp with time zone,
	"fulfilled_note" text
);
--> statement-breakpoint
ALTER TABLE "catalog_types" ADD COLUMN "keywords" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "complaint_events" ADD CONSTRAINT "complaint_events_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_complainant_id_users_id_fk" FOREIGN KEY ("complainant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_records" ADD CONSTRAINT "evidence_records_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_records" ADD CONSTRAINT "evidence_records_sha256_evidence_blobs_sha256_fk" FOREIGN KEY ("sha256") REFERENCES "public"."evidence_blobs"("sha256") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idempotency_keys" ADD CONSTRAINT "idempotency_keys_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "material_requests" ADD CONSTRAINT "material_requests_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "complaint_events_seq_key" ON "complaint_events" USING btree ("complaint_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "complaints_number_key" ON "complaints" USING btree ("number");--> statement-breakpoint
CREATE INDEX "complaints_complainant_idx" ON "complaints" USING btree ("complainant_id","created_at");--> statement-breakpoint
CREATE INDEX "complaints_created_idx" ON "complaints" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "complaints_filed_ip_idx" ON "complaints" USING btree ("filed_ip","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evidence_records_seq_key" ON "evidence_records" USING btree ("complaint_id","seq");--> statement-breakpoint
CREATE INDEX "evidence_records_sha_idx" ON "evidence_records" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "material_requests_complaint_idx" ON "material_requests" USING btree ("complaint_id","created_at");