ALTER TABLE "complaints" ADD COLUMN "sla_policy" jsonb;--> statement-breakpoint
ALTER TABLE "sla_clocks" ADD COLUMN "problem" text;