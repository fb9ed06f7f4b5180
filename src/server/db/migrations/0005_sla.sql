CREATE TABLE "business_calendars" (
	"code" text PRIMARY KEY NOT NULL,
	"name" jsonb NOT NULL,
	"time_zone" text NOT NULL,
	"week" jsonb NOT NULL,
	"make_up_hours" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "calendar_days" (
	"calendar_code" text NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "calendar_days_calendar_code_day_pk" PRIMARY KEY("calendar_code","day"),
	CONSTRAINT "calendar_days_kind_check" CHECK ("calendar_days"."kind" in ('holiday','workday'))
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"calendar_code" text NOT NULL,
	"year" integer NOT NULL,
	"source" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_years_calendar_code_year_pk" PRIMARY KEY("calendar_code","year")
);
--> statement-breakpoint
CREATE TABLE "complaint_assist_teams" (
	"complaint_id" uuid NOT NULL,
	"team_id" uuid NOT NULL,
	"added_by" uuid,
	"added_at" timestamp with time zone NOT NULL,
	CONSTRAINT "complaint_assist_teams_complaint_id_team_id_pk" PRIMARY KEY("complaint_id","team_id")
);
--> statement-breakpoint
CREATE TABLE "escalation_alerts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"rule_id" uuid,
	"rule_code" text NOT NULL,
	"rule_name" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid
);
--> statement-breakpoint
CREATE TABLE "escalation_firings" (
	"clock_id" bigint NOT NULL,
	"rule_id" uuid NOT NULL,
	"event" text NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	CONSTRAINT "escalation_firings_clock_id_rule_id_event_pk" PRIMARY KEY("clock_id","rule_id","event")
);
--> statement-breakpoint
CREATE TABLE "escalation_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" jsonb NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"match" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"condition" jsonb NOT NULL,
	"actions" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE TABLE "sla_clocks" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"complaint_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"rule_id" uuid,
	"cycle" integer DEFAULT 0 NOT NULL,
	"calendar_code" text,
	"target" jsonb NOT NULL,
	"budget_ms" bigint NOT NULL,
	"warn_fraction" real,
	"pausable" boolean DEFAULT true NOT NULL,
	"state" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"running_since" timestamp with time zone,
	"consumed_ms" bigint DEFAULT 0 NOT NULL,
	"paused_at" timestamp with time zone,
	"warn_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"next_fire_at" timestamp with time zone,
	"warned_at" timestamp with time zone,
	"breached_at" timestamp with time zone,
	"met_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sla_clocks_kind_check" CHECK ("sla_clocks"."kind" in ('first_response','resolution','hard_max','rule')),
	CONSTRAINT "sla_clocks_state_check" CHECK ("sla_clocks"."state" in ('running','paused','warning','breached','met','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"category_code" text NOT NULL,
	"type_code" text DEFAULT '' NOT NULL,
	"calendar_code" text NOT NULL,
	"first_response" jsonb,
	"resolution" jsonb,
	"hard_max" jsonb,
	"warn_fraction" real DEFAULT 0.75 NOT NULL,
	"region_extras" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"repeat_target" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "sla_policies_category_code_type_code_pk" PRIMARY KEY("category_code","type_code"),
	CONSTRAINT "sla_policies_warn_check" CHECK ("sla_policies"."warn_fraction" > 0 and "sla_policies"."warn_fraction" < 1)
);
--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "sla_state" text;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "sla_due_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "express_tier" integer;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "last_pressed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "press_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "complaints" ADD COLUMN "last_progress_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "calendar_days" ADD CONSTRAINT "calendar_days_calendar_code_business_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."business_calendars"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_years" ADD CONSTRAINT "calendar_years_calendar_code_business_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."business_calendars"("code") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_assist_teams" ADD CONSTRAINT "complaint_assist_teams_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_assist_teams" ADD CONSTRAINT "complaint_assist_teams_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaint_assist_teams" ADD CONSTRAINT "complaint_assist_teams_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_alerts" ADD CONSTRAINT "escalation_alerts_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_alerts" ADD CONSTRAINT "escalation_alerts_rule_id_escalation_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."escalation_rules"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_alerts" ADD CONSTRAINT "escalation_alerts_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_firings" ADD CONSTRAINT "escalation_firings_clock_id_sla_clocks_id_fk" FOREIGN KEY ("clock_id") REFERENCES "public"."sla_clocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalation_firings" ADD CONSTRAINT "escalation_firings_rule_id_escalation_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."escalation_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_complaint_id_complaints_id_fk" FOREIGN KEY ("complaint_id") REFERENCES "public"."complaints"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_rule_id_escalation_rules_id_fk" FOREIGN KEY ("rule_id") REFERENCES "public"."escalation_rules"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD CONSTRAINT "sla_clocks_calendar_code_business_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."business_calendars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_calendar_code_business_calendars_code_fk" FOREIGN KEY ("calendar_code") REFERENCES "public"."business_calendars"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "complaint_assist_teams_team_idx" ON "complaint_assist_teams" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "escalation_alerts_open_idx" ON "escalation_alerts" USING btree ("created_at") WHERE "escalation_alerts"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "escalation_alerts_complaint_idx" ON "escalation_alerts" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalation_rules_code_key" ON "escalation_rules" USING btree ("code");--> statement-breakpoint
CREATE INDEX "sla_clocks_next_fire_idx" ON "sla_clocks" USING btree ("next_fire_at") WHERE "sla_clocks"."next_fire_at" is not null;--> statement-breakpoint
CREATE INDEX "sla_clocks_complaint_idx" ON "sla_clocks" USING btree ("complaint_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sla_clocks_identity_key" ON "sla_clocks" USING btree ("complaint_id","kind","cycle",coalesce("rule_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "complaints_sla_idx" ON "complaints" USING btree ("sla_state","sla_due_at") WHERE "complaints"."sla_state" in ('warning','breached');--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_sla_state_check" CHECK ("complaints"."sla_state" is null or "complaints"."sla_state" in ('running','paused','warning','breached','met','cancelled'));--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_express_tier_check" CHECK ("complaints"."express_tier" is null or "complaints"."express_tier" between 1 and 3);