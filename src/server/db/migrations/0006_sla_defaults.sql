-- The shipped business calendar's frame (China mainland, Asia/Shanghai, Mon–Fri 09:00–18:00).
-- Its statutory holidays and 调休 days per year come from src/modules/sla/calendar/cn-mainland.ts,
-- loaded after migrations for every year the database does not have yet.
INSERT INTO business_calendars (code, name, time_zone, week, make_up_hours) VALUES (
  'cn-mainland',
  '{"zh":"中国大陆（法定节假日与调休）","en":"China mainland (statutory holidays and make-up days)"}',
  'Asia/Shanghai',
  '[[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[{"start":"09:00","end":"18:00"}],[],[]]',
  '[{"start":"09:00","end":"18:00"}]'
) ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Default escalation rules (SPEC "SLA and escalation"; issue 5 §4). Admins edit them as data.
INSERT INTO escalation_rules (code, name, position, match, condition, actions) VALUES
  ('untreated_48h', '{"zh":"48 小时未处理：转专家坐席并加急标红","en":"Untreated for 48 h: expert seat, flagged red"}', 10, '{}',
   '{"trigger":"elapsed","since":"accepted","after":{"value":48,"unit":"hours"},"untilTreated":true}',
   '[{"do":"escalate_to_expert"},{"do":"set_priority","priority":"red"},{"do":"add_tag","tag":"加急"}]'),
  ('no_progress_3wd', '{"zh":"3 个工作日无进展：跨部门协查","en":"No progress for 3 working days: cross-department assistance"}', 20, '{}',
   '{"trigger":"elapsed","since":"last_progress","after":{"value":3,"unit":"working_days"},"untilTreated":false}',
   '[{"do":"alert_supervisors"}]'),
  ('resolution_warning', '{"zh":"处理时限预警","en":"Resolution target warning"}', 30, '{}',
   '{"trigger":"clock","clock":"resolution","state":"warning"}',
   '[{"do":"add_tag","tag":"时限预警"}]'),
  ('resolution_breached', '{"zh":"超出处理时限：转专家坐席并加急标红","en":"Resolution target breached: expert seat, flagged red"}', 40, '{}',
   '{"trigger":"clock","clock":"resolution","state":"breached"}',
   '[{"do":"escalate_to_expert"},{"do":"set_priority","priority":"red"},{"do":"add_tag","tag":"加急"}]'),
  ('hard_max_breached', '{"zh":"超出最长时限：通知主管","en":"Hard maximum breached: supervisors alerted"}', 50, '{}',
   '{"trigger":"clock","clock":"hard_max","state":"breached"}',
   '[{"do":"alert_supervisors"},{"do":"add_tag","tag":"超期"}]'),
  ('express_tier_2', '{"zh":"快递：首次响应超时升为二级投诉（省级分公司）","en":"Express: first response late, tier 2 (provincial branch)"}', 60,
   '{"categories":["express_delivery"]}',
   '{"trigger":"clock","clock":"first_response","state":"breached"}',
   '[{"do":"set_express_tier","tier":2}]'),
  ('express_tier_3', '{"zh":"快递：处理超时升为三级投诉（抄送邮政管理部门）","en":"Express: resolution late, tier 3 (postal regulator copied)"}', 70,
   '{"categories":["express_delivery"]}',
   '{"trigger":"clock","clock":"resolution","state":"breached"}',
   '[{"do":"set_express_tier","tier":3},{"do":"copy_regulator"}]')
ON CONFLICT (code) DO NOTHING;
--> statement-breakpoint
-- Express complaints already open start at tier 1 (末端网点).
UPDATE complaints SET express_tier = 1 WHERE category_code = 'express_delivery' AND express_tier IS NULL;
