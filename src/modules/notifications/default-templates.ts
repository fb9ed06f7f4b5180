// The shipped wording of every message, per node, channel and language. Admins override any of
// it (notification_templates); a reset goes back to this. Each node has a title, a short text
// (bell, SMS, WeChat summary) and a longer email body; the channels are cut from those, so a
// node reads the same everywhere.
import type { Locale } from '../../shared/errors.js';
import {
  channelsOf,
  type NotifyChannel,
  type NotifyNode,
  NOTIFY_NODES,
} from '../../shared/notifications.js';

interface NodeText {
  title: string;
  short: string;
  /** Email body: plain text, blank lines between paragraphs. */
  long: string;
}

const ZH: Record<NotifyNode, NodeText> = {
  accepted: {
    title: '投诉已受理',
    short: '您的投诉已受理，投诉编号 {{number}}，预计 {{estimate}} 前完成处理。',
    long: '{{name}}，您好：\n\n您提交的“{{typeName}}”投诉已受理，投诉编号为 {{number}}。\n\n我们将按时效处理，预计 {{estimate}} 前完成。处理进展会及时通知您，您也可以随时查看处理进度：\n{{link}}',
  },
  materials_requested: {
    title: '请补充材料',
    short: '投诉 {{number}} 需要您补充材料：{{items}}，请尽快提交。',
    long: '{{name}}，您好：\n\n为继续处理您的投诉（编号 {{number}}），需要您补充以下材料：\n{{items}}\n\n说明：{{note}}\n\n请尽快提交；提交前处理时限暂停计算。提交入口：\n{{link}}',
  },
  result: {
    title: '投诉处理结果',
    short: '投诉 {{number}} 处理结果：{{outcome}}。处理意见：{{opinion}}',
    long: '{{name}}，您好：\n\n您的投诉（编号 {{number}}）已有处理结果：{{outcome}}。\n\n处理意见：\n{{opinion}}\n\n如对结果有异议，可在 {{appealUntil}} 前提出申诉，并附上新的证据或理由。处理回执已附在本邮件中，回执验证码 {{receiptCode}}。\n\n查看详情：\n{{link}}',
  },
  appeal_accepted: {
    title: '申诉已受理',
    short: '您对投诉 {{number}} 的申诉已受理，将由另一位专员复议。',
    long: '{{name}}，您好：\n\n您对投诉（编号 {{number}}）处理结果的申诉已受理，将由未参与原处理的专员进行复议。\n\n申诉理由：{{reason}}\n\n查看进度：\n{{link}}',
  },
  appeal_decided: {
    title: '复议结果',
    short: '投诉 {{number}} 复议结果：{{outcome}}。意见：{{opinion}}',
    long: '{{name}}，您好：\n\n您的申诉（投诉编号 {{number}}）已复议完毕，结果：{{outcome}}。\n\n复议意见：\n{{opinion}}\n\n复议结果为最终结果。处理回执验证码 {{receiptCode}}。\n\n查看详情：\n{{link}}',
  },
  merchant_reply: {
    title: '商家已回复',
    short: '{{merchantName}} 已回复您的投诉 {{number}}：{{reply}}',
    long: '{{name}}，您好：\n\n商家“{{merchantName}}”已回复您的投诉（编号 {{number}}）：\n\n{{reply}}\n\n查看并回应：\n{{link}}',
  },
  external_transfer: {
    title: '投诉已转交外部平台',
    short: '投诉 {{number}} 已转交 {{platform}} 处理，对方受理编号 {{externalNumber}}。',
    long: '{{name}}，您好：\n\n您的投诉（编号 {{number}}）已转交 {{platform}} 处理，对方受理编号为 {{externalNumber}}。处理期间时限暂停计算，对方的处理进展会同步给您。\n\n查看进度：\n{{link}}',
  },
  sla_apology: {
    title: '处理超时致歉',
    short:
      '很抱歉，投诉 {{number}} 未能在承诺时限内处理完毕，已升级加急处理，预计 {{estimate}} 前完成。',
    long: '{{name}}，您好：\n\n非常抱歉，您的投诉（编号 {{number}}）未能在承诺的时限内处理完毕。我们已将其升级为加急处理，由专家坐席跟进，预计 {{estimate}} 前完成。\n\n查看进度：\n{{link}}',
  },
  progress_report: {
    title: '投诉处理进度报告',
    short: '投诉 {{number}} 第 {{reportNo}} 期进度报告：{{stage}}',
    long: '{{name}}，您好：\n\n这是您的投诉（编号 {{number}}）第 {{reportNo}} 期处理进度报告。\n\n当前进展：{{stage}}\n预计完成：{{estimate}}\n\n完整的处理记录、证据清单及其哈希值见附件 PDF。投诉处理期间，我们每 48 小时发送一次进度报告。\n\n查看进度：\n{{link}}',
  },
  staff_assigned: {
    title: '新分派的投诉',
    short: '投诉 {{number}}（{{typeName}}）已分派给您，来自 {{by}}。',
    long: '',
  },
  staff_pressed: {
    title: '用户催办',
    short: '投诉 {{number}} 的用户第 {{pressCount}} 次催办，请尽快处理。',
    long: '',
  },
  staff_materials_supplied: {
    title: '用户已补充材料',
    short: '投诉 {{number}} 的用户已补充材料（{{files}} 个文件）。',
    long: '',
  },
  staff_appealed: {
    title: '用户提出申诉',
    short: '投诉 {{number}} 的用户对处理结果提出申诉：{{reason}}',
    long: '',
  },
  staff_escalation_alert: {
    title: '升级提醒',
    short: '投诉 {{number}} 触发升级规则：{{rule}}',
    long: '',
  },
};

const EN: Record<NotifyNode, NodeText> = {
  accepted: {
    title: 'Complaint accepted',
    short:
      'Your complaint has been accepted. Number {{number}}; expected to be completed by {{estimate}}.',
    long: 'Dear {{name}},\n\nYour complaint ({{typeName}}) has been accepted under number {{number}}.\n\nWe expect to complete it by {{estimate}}. We will tell you about every step; you can also follow it here:\n{{link}}',
  },
  materials_requested: {
    title: 'Materials needed',
    short: 'Complaint {{number}} needs more materials from you: {{items}}. Please send them soon.',
    long: 'Dear {{name}},\n\nTo go on with your complaint {{number}} we need the following:\n{{items}}\n\nNote: {{note}}\n\nPlease send them soon; the handling clock is paused until you do. Upload here:\n{{link}}',
  },
  result: {
    title: 'Result of your complaint',
    short: 'Complaint {{number}}: {{outcome}}. Opinion: {{opinion}}',
    long: 'Dear {{name}},\n\nYour complaint {{number}} has a result: {{outcome}}.\n\nHandling opinion:\n{{opinion}}\n\nIf you disagree, you may appeal by {{appealUntil}} with new evidence or a stated reason. The receipt is attached; its verification code is {{receiptCode}}.\n\nDetails:\n{{link}}',
  },
  appeal_accepted: {
    title: 'Appeal accepted',
    short:
      'Your appeal on complaint {{number}} has been accepted and will be reconsidered by another officer.',
    long: 'Dear {{name}},\n\nYour appeal on complaint {{number}} has been accepted. An officer who did not handle the original case will reconsider it.\n\nYour reason: {{reason}}\n\nFollow it here:\n{{link}}',
  },
  appeal_decided: {
    title: 'Reconsideration result',
    short: 'Complaint {{number}} reconsidered: {{outcome}}. Opinion: {{opinion}}',
    long: 'Dear {{name}},\n\nYour appeal on complaint {{number}} has been reconsidered. Result: {{outcome}}.\n\nOpinion:\n{{opinion}}\n\nThis result is final. Receipt verification code: {{receiptCode}}.\n\nDetails:\n{{link}}',
  },
  merchant_reply: {
    title: 'The merchant replied',
    short: '{{merchantName}} replied to your complaint {{number}}: {{reply}}',
    long: 'Dear {{name}},\n\n{{merchantName}} replied to your complaint {{number}}:\n\n{{reply}}\n\nRead and respond here:\n{{link}}',
  },
  external_transfer: {
    title: 'Passed to an external platform',
    short:
      'Complaint {{number}} has been passed to {{platform}}; their case number is {{externalNumber}}.',
    long: 'Dear {{name}},\n\nYour complaint {{number}} has been passed to {{platform}}; their case number is {{externalNumber}}. The handling clock is paused meanwhile, and their progress will be shown to you.\n\nFollow it here:\n{{link}}',
  },
  sla_apology: {
    title: 'We are late — our apologies',
    short:
      'We are sorry: complaint {{number}} was not completed in the promised time. It has been expedited; expected by {{estimate}}.',
    long: 'Dear {{name}},\n\nWe are sorry that your complaint {{number}} was not completed in the time we promised. It has been expedited and is now with an expert; we expect to complete it by {{estimate}}.\n\nFollow it here:\n{{link}}',
  },
  progress_report: {
    title: 'Complaint progress report',
    short: 'Complaint {{number}}, progress report {{reportNo}}: {{stage}}',
    long: 'Dear {{name}},\n\nThis is progress report no. {{reportNo}} on your complaint {{number}}.\n\nWhere it stands: {{stage}}\nExpected completion: {{estimate}}\n\nThe attached PDF holds the full timeline and the evidence list with hashes. While your complaint is open we send a report every 48 hours.\n\nFollow it here:\n{{link}}',
  },
  staff_assigned: {
    title: 'Complaint assigned to you',
    short: 'Complaint {{number}} ({{typeName}}) was assigned to you by {{by}}.',
    long: '',
  },
  staff_pressed: {
    title: 'Complainant pressed',
    short: 'The complainant pressed complaint {{number}} (time {{pressCount}}). Please act soon.',
    long: '',
  },
  staff_materials_supplied: {
    title: 'Materials supplied',
    short: 'The complainant supplied materials for {{number}} ({{files}} files).',
    long: '',
  },
  staff_appealed: {
    title: 'Appeal filed',
    short: 'The complainant appealed the result of {{number}}: {{reason}}',
    long: '',
  },
  staff_escalation_alert: {
    title: 'Escalation alert',
    short: 'Complaint {{number}} triggered an escalation rule: {{rule}}',
    long: '',
  },
};

export interface TemplateText {
  subject: string | null;
  body: string;
}

export function defaultTemplate(
  node: NotifyNode,
  channel: NotifyChannel,
  locale: Locale,
): TemplateText {
  const t = (locale === 'en' ? EN : ZH)[node];
  switch (channel) {
    case 'in_app':
      return { subject: t.title, body: t.short };
    case 'sms':
      return {
        subject: null,
        body: `${t.short} ${locale === 'en' ? 'Details' : '详情'}：{{link}}`,
      };
    case 'email':
      return { subject: `${t.title} | {{number}}`, body: t.long };
    case 'wechat':
      return { subject: t.title, body: t.short };
  }
}

/** The SLA apology is sent only where an organisation turns it on (SPEC: "where configured"). */
export function defaultEnabled(node: NotifyNode, channel: NotifyChannel): boolean {
  if (!channelsOf(node).includes(channel)) return false;
  return node !== 'sla_apology';
}

export function allTemplateKeys(): { node: NotifyNode; channel: NotifyChannel }[] {
  return NOTIFY_NODES.flatMap((node) => channelsOf(node).map((channel) => ({ node, channel })));
}
