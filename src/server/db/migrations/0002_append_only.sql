-- The processing chain and the evidence chain are append-only: a row, once written, is history.
-- Refusing UPDATE and DELETE in the database means no code path (or hurried operator) can
-- rewrite them; tampering by someone with superuser rights is what the hash chain detects.
CREATE FUNCTION redress_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER complaint_events_append_only BEFORE UPDATE OR DELETE ON complaint_events
  FOR EACH ROW EXECUTE FUNCTION redress_refuse_change();
--> statement-breakpoint
CREATE TRIGGER evidence_records_append_only BEFORE UPDATE OR DELETE ON evidence_records
  FOR EACH ROW EXECUTE FUNCTION redress_refuse_change();
