-- The audit log is history: like the timeline, no code path may rewrite it.
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION redress_refuse_change();
--> statement-breakpoint
-- Default teams (SPEC "Who uses it"; issue 4): one per kind of work plus the expert seat.
INSERT INTO teams (code, name, is_expert_seat) VALUES
  ('account_security', '{"zh":"账号安全组","en":"Account security"}', false),
  ('payment', '{"zh":"支付/财付通组","en":"Payments (Tenpay)"}', false),
  ('content_review', '{"zh":"内容审核组","en":"Content review"}', false),
  ('merchant_disputes', '{"zh":"商户纠纷组","en":"Merchant disputes"}', false),
  ('express', '{"zh":"快递投诉组","en":"Express delivery"}', false),
  ('cross_border', '{"zh":"跨境服务组","en":"Cross-border"}', false),
  ('minor_protection', '{"zh":"未成年人保护专线","en":"Minor protection"}', false),
  ('general', '{"zh":"综合服务组","en":"General service"}', false),
  ('expert_seat', '{"zh":"专家坐席","en":"Expert seat"}', true)
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
INSERT INTO routing_rules (category_code, type_code, team_id)
SELECT r.category_code, r.type_code, t.id
FROM (VALUES
  ('account_security', '', 'account_security'),
  ('payment_dispute', '', 'payment'),
  ('payment_dispute', 'cross_border_payment_blocked', 'cross_border'),
  ('content_report', '', 'content_review'),
  ('merchant_service', '', 'merchant_disputes'),
  ('express_delivery', '', 'express'),
  ('cs_quality', '', 'general'),
  ('minor_protection', '', 'minor_protection'),
  ('business_cooperation', '', 'general'),
  ('cross_border', '', 'cross_border')
) AS r(category_code, type_code, team_code)
JOIN teams t ON t.code = r.team_code
ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO external_platforms (code, name) VALUES
  ('12315', '{"zh":"全国12315平台","en":"12315 consumer platform"}'),
  ('12345', '{"zh":"12345政务服务便民热线","en":"12345 government service hotline"}'),
  ('12305', '{"zh":"12305邮政业用户申诉","en":"12305 postal and express appeals"}'),
  ('heimao', '{"zh":"黑猫投诉","en":"Heimao (Black Cat) complaints"}')
ON CONFLICT (code) DO NOTHING;
