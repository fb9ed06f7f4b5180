// Titles of the timeline entries a complainant sees, for the PDFs (the web app has its own in
// its locale files; a PDF is drawn on the server).
import type { LocalText } from '../../shared/text.js';

const ACTIONS: Record<string, LocalText> = {
  accept: { zh: '投诉已受理', en: 'Complaint accepted' },
  review: { zh: '开始审核', en: 'Review started' },
  investigate: { zh: '开始调查核实', en: 'Investigation started' },
  request_materials: { zh: '要求补充材料', en: 'Materials requested' },
  supply_materials: { zh: '已补充材料', en: 'Materials supplied' },
  transfer: { zh: '转交处理', en: 'Passed on' },
  return_from_transfer: { zh: '转交返回', en: 'Returned from transfer' },
  resolve: { zh: '处理完成', en: 'Resolved' },
  reject: { zh: '不予支持', en: 'Not accepted' },
  appeal: { zh: '提出申诉', en: 'Appeal filed' },
  start_reconsideration: {
    zh: '申诉受理，开始复议',
    en: 'Appeal accepted; reconsideration started',
  },
  close: { zh: '结案', en: 'Closed' },
};

const TYPES: Record<string, LocalText> = {
  filed: { zh: '提交投诉', en: 'Complaint filed' },
  materials_requested: { zh: '要求补充材料', en: 'Materials requested' },
  materials_supplied: { zh: '已补充材料', en: 'Materials supplied' },
  evidence_added: { zh: '上传证据', en: 'Evidence added' },
  repeat_filing: { zh: '重复提交（已合并）', en: 'Filed again (linked)' },
  rated: { zh: '评价', en: 'Rated' },
  reply: { zh: '专员回复', en: 'Reply from the agent' },
  merchant_transfer: { zh: '转交商家处理', en: 'Passed to the merchant' },
  merchant_reply: { zh: '商家回复', en: 'The merchant replied' },
  remedy_proposed: { zh: '商家提出解决方案', en: 'The merchant proposed a remedy' },
  remedy_accepted: { zh: '接受解决方案', en: 'Remedy accepted' },
  remedy_refused: { zh: '拒绝解决方案', en: 'Remedy refused' },
  arbitration: { zh: '平台介入仲裁', en: 'Platform arbitration' },
  external_transfer: { zh: '转交外部平台', en: 'Passed to an external platform' },
  external_update: { zh: '外部平台进展', en: 'Update from the external platform' },
  collective_joined: { zh: '并入集体投诉', en: 'Joined a collective case' },
  collective_update: { zh: '集体投诉进展', en: 'Collective case update' },
  pressed: { zh: '催办', en: 'Pressed for progress' },
  escalated: { zh: '升级处理', en: 'Escalated' },
};

export function eventTitle(type: string, action: string | null, en: boolean): string {
  const t = (action && ACTIONS[action]) || TYPES[type];
  if (!t) return type;
  return en ? t.en : t.zh;
}
