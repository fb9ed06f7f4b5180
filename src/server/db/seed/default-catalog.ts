// The default complaint catalogue of SPEC "Complaint categories", with the seed figures.
// Admins change it later in the console; complaints keep a snapshot of the rules they were
// filed under (Stage 2), so editing this never rewrites history.
import type {
  FieldKind,
  RequiredEvidence,
  RequiredField,
  SlaSpec,
  Category,
} from '../../../shared/catalog.js';
import type { LocalText } from '../../../shared/text.js';

const t = (zh: string, en: string): LocalText => ({ zh, en });
const f = (
  key: string,
  kind: FieldKind,
  zh: string,
  en: string,
  required = true,
): RequiredField => ({
  key,
  kind,
  label: t(zh, en),
  required,
});
const e = (key: string, zh: string, en: string): RequiredEvidence => ({ key, label: t(zh, en) });
const sla = (s: Partial<Omit<SlaSpec, 'note'>> & { note: LocalText }): SlaSpec => ({
  firstResponseHours: null,
  resolutionHours: null,
  resolutionWorkingDays: null,
  maxWorkingDays: null,
  ...s,
});

// Fields every complaint asks for (description, demand, contact) live in the intake form;
// these are the type-specific ones.
const accountId = f(
  'account_id',
  'text',
  '涉及的账号（微信号/手机号/邮箱）',
  'Account concerned (WeChat ID, phone or email)',
);
const idProof = e('id_proof', '身份证明', 'Proof of identity');
const txnId = f('transaction_id', 'order_number', '交易单号', 'Transaction number');
const amount = f('amount', 'amount', '涉及金额（元）', 'Amount (CNY)');
const txnDate = f('transaction_date', 'date', '交易日期', 'Transaction date');
const txnShot = e('transaction_screenshot', '交易截图', 'Transaction screenshot');
const bankStatement = e('bank_statement', '银行流水', 'Bank statement');
const contentUrl = f(
  'content_url',
  'url',
  '被举报内容链接或位置',
  'Link to or location of the content',
);
const contentShot = e('content_screenshot', '内容截图', 'Screenshot of the content');
const orderNo = f('order_number', 'order_number', '订单号', 'Order number');
const merchantName = f('merchant_name', 'text', '商家/店铺名称', 'Merchant or shop name');
const payProof = e('payment_proof', '支付凭证', 'Proof of payment');
const chatRecord = e('chat_record', '与商家的聊天记录', 'Chat record with the merchant');
const waybill = f('waybill_number', 'waybill_number', '运单号', 'Waybill number');
const carrier = f('carrier', 'text', '快递公司', 'Courier company');
const timeline = e(
  'timeline_evidence',
  '物流轨迹截图（含时间）',
  'Tracking screenshots with timestamps',
);

const accountSla = sla({
  resolutionWorkingDays: 3,
  maxWorkingDays: 7,
  note: t(
    '1–3 个工作日，最长 7 个工作日；加急通道平均 8.4 小时',
    '1–3 working days, at most 7; urgent lane averages 8.4 h',
  ),
});
const paymentSla = sla({
  maxWorkingDays: 15,
  note: t('最长 15 个工作日', 'At most 15 working days'),
});
const contentSla = sla({
  resolutionHours: 24,
  maxWorkingDays: 5,
  note: t('24 小时内处理，最长 5 个工作日', 'Handled within 24 h, at most 5 working days'),
});
const expressSla = (note: LocalText, extra: Partial<SlaSpec> = {}) =>
  sla({ firstResponseHours: 24, resolutionWorkingDays: 5, note, ...extra });

export const DEFAULT_CATALOG: Category[] = [
  {
    code: 'account_security',
    name: t('账号安全', 'Account security'),
    description: t(
      '账号被盗、密码锁定、身份被盗用、账号冻结',
      'Stolen, locked, impersonated or frozen accounts',
    ),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'account_stolen',
        name: t('账号被盗', 'Account stolen'),
        priority: 'red',
        requiredFields: [
          accountId,
          f('last_normal_login', 'date', '最后一次正常登录日期', 'Last normal login date', false),
        ],
        requiredEvidence: [
          e('login_records', '最近 3 次登录记录', 'Last 3 login records'),
          idProof,
        ],
        sla: accountSla,
      },
      {
        code: 'password_locked',
        name: t('密码锁定', 'Password locked'),
        priority: 'red',
        requiredFields: [accountId],
        requiredEvidence: [idProof],
        sla: accountSla,
      },
      {
        code: 'identity_misused',
        name: t('身份被盗用', 'Identity misused'),
        priority: 'red',
        requiredFields: [accountId],
        requiredEvidence: [idProof],
        sla: accountSla,
      },
      {
        code: 'account_frozen',
        name: t('账号冻结', 'Account frozen'),
        priority: 'red',
        requiredFields: [accountId],
        requiredEvidence: [idProof],
        sla: accountSla,
      },
    ],
  },
  {
    code: 'payment_dispute',
    name: t('支付争议', 'Payment dispute'),
    description: t(
      '转账纠纷、红包未到账、资金异常、盗刷欺诈、跨境支付受阻',
      'Transfers, red packets, abnormal funds, fraud, cross-border payments',
    ),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'transfer_dispute',
        name: t('转账纠纷', 'Transfer dispute'),
        priority: 'yellow',
        requiredFields: [txnId, amount, txnDate],
        requiredEvidence: [txnShot, bankStatement],
        sla: paymentSla,
      },
      {
        code: 'red_packet_missing',
        name: t('红包未到账', 'Red packet not received'),
        priority: 'yellow',
        requiredFields: [txnId, amount, txnDate],
        requiredEvidence: [txnShot, bankStatement],
        sla: paymentSla,
      },
      {
        code: 'funds_abnormal',
        name: t('资金异常', 'Abnormal funds'),
        priority: 'yellow',
        requiredFields: [txnId, amount, txnDate],
        requiredEvidence: [txnShot, bankStatement],
        sla: sla({
          resolutionHours: 12,
          maxWorkingDays: 15,
          note: t(
            '12 小时内处理，最长 15 个工作日',
            'Handled within 12 h, at most 15 working days',
          ),
        }),
      },
      {
        code: 'fraud',
        name: t('盗刷欺诈', 'Unauthorised charge / fraud'),
        priority: 'yellow',
        requiredFields: [txnId, amount, txnDate],
        requiredEvidence: [txnShot, e('police_receipt', '报案回执', 'Police report receipt')],
        sla: sla({
          maxWorkingDays: 15,
          note: t(
            '立即申请冻结；72 小时内冻结对方账户，15 个工作日完成资金返还',
            'Freeze requested at once; counterparty frozen within 72 h, funds returned within 15 working days',
          ),
        }),
      },
      {
        code: 'cross_border_payment_blocked',
        name: t('跨境支付受阻', 'Cross-border payment blocked'),
        priority: 'yellow',
        requiredFields: [txnId, amount],
        requiredEvidence: [
          e('passport_info', '护照信息', 'Passport information'),
          e('transaction_proof', '交易凭证', 'Transaction proof'),
        ],
        sla: sla({
          resolutionWorkingDays: 3,
          maxWorkingDays: 20,
          note: t(
            '3 个工作日内初步响应，另加 3–5 个工作日',
            'First response within 3 working days, plus 3–5 working days',
          ),
        }),
      },
    ],
  },
  {
    code: 'content_report',
    name: t('内容举报', 'Content report'),
    description: t('色情、诈骗、谣言、侵权内容', 'Pornography, scams, rumours, infringement'),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'pornography',
        name: t('色情低俗', 'Pornography'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [contentShot],
        sla: contentSla,
      },
      {
        code: 'scam_content',
        name: t('诈骗信息', 'Scam'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [contentShot],
        sla: contentSla,
      },
      {
        code: 'rumour',
        name: t('谣言', 'Rumour'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [contentShot],
        sla: contentSla,
      },
      {
        code: 'infringement',
        name: t('侵权', 'Infringement'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [
          e('originality_proof', '原创证明', 'Proof of originality'),
          e('infringing_sample', '侵权样例', 'Infringing sample'),
        ],
        sla: sla({
          resolutionHours: 4,
          maxWorkingDays: 5,
          note: t('4 小时内下架，72 小时内反馈结果', 'Taken down within 4 h, feedback within 72 h'),
        }),
      },
    ],
  },
  {
    code: 'merchant_service',
    name: t('商家服务/商城', 'Merchant service / mall'),
    description: t(
      '质量争议、虚假宣传、售后缺失、小程序交易、直播带货、虚拟商品',
      'Quality, false advertising, after-sales, mini-program, live-stream and virtual goods',
    ),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'quality_dispute',
        name: t('质量争议', 'Quality dispute'),
        priority: 'yellow',
        requiredFields: [orderNo, merchantName],
        requiredEvidence: [payProof, chatRecord],
        sla: sla({
          firstResponseHours: 24,
          resolutionHours: 72,
          note: t(
            '24–72 小时；商户须 24 小时内首次回复',
            '24–72 h; merchant first reply within 24 h',
          ),
        }),
      },
      {
        code: 'false_advertising',
        name: t('虚假宣传', 'False advertising'),
        priority: 'yellow',
        requiredFields: [orderNo, merchantName],
        requiredEvidence: [payProof, chatRecord],
        sla: sla({
          firstResponseHours: 48,
          resolutionHours: 72,
          note: t('欺诈类 48–72 小时', 'Fraud cases 48–72 h'),
        }),
      },
      {
        code: 'after_sales_missing',
        name: t('售后缺失', 'No after-sales service'),
        priority: 'green',
        requiredFields: [orderNo, merchantName],
        requiredEvidence: [payProof, chatRecord],
        sla: sla({
          firstResponseHours: 0.5,
          resolutionHours: 2,
          note: t('普通售后 0.5–2 小时', 'After-sales 0.5–2 h'),
        }),
      },
      {
        code: 'mini_program_trade',
        name: t('小程序交易', 'Mini-program purchase'),
        priority: 'yellow',
        requiredFields: [orderNo, merchantName],
        requiredEvidence: [payProof, chatRecord],
        sla: sla({
          firstResponseHours: 24,
          resolutionHours: 72,
          note: t('商户须 24 小时内首次回复', 'Merchant first reply within 24 h'),
        }),
      },
      {
        code: 'live_stream_sale',
        name: t('直播带货', 'Live-stream sale'),
        priority: 'yellow',
        requiredFields: [orderNo, merchantName],
        requiredEvidence: [payProof, chatRecord],
        sla: sla({
          firstResponseHours: 24,
          resolutionHours: 72,
          note: t('商户须 24 小时内首次回复', 'Merchant first reply within 24 h'),
        }),
      },
      {
        code: 'virtual_goods',
        name: t('虚拟商品', 'Virtual goods'),
        priority: 'yellow',
        requiredFields: [orderNo, merchantName],
        requiredEvidence: [payProof, chatRecord],
        sla: sla({
          firstResponseHours: 24,
          resolutionHours: 72,
          note: t('商户须 24 小时内首次回复', 'Merchant first reply within 24 h'),
        }),
      },
    ],
  },
  {
    code: 'express_delivery',
    name: t('快递', 'Express delivery'),
    description: t(
      '丢件、破损、延误、签收、代收点、国际件、生鲜',
      'Lost, damaged, late, signing, pickup points, international, fresh goods',
    ),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'parcel_lost',
        name: t('丢件', 'Parcel lost'),
        priority: 'yellow',
        requiredFields: [
          waybill,
          carrier,
          f('declared_value', 'amount', '保价金额（元）', 'Insured value (CNY)', false),
        ],
        requiredEvidence: [
          timeline,
          e('value_proof', '物品价值证明（保价件）', 'Proof of value (insured items)'),
        ],
        sla: expressSla(
          t(
            '24 小时内首次响应，3–5 个工作日办结；二次投诉 48 小时加急',
            'First response 24 h, done in 3–5 working days; repeat complaints expedited within 48 h',
          ),
        ),
      },
      {
        code: 'parcel_damaged',
        name: t('破损', 'Parcel damaged'),
        priority: 'yellow',
        requiredFields: [waybill, carrier],
        requiredEvidence: [
          e('six_side_photos', '外包装六面照片', 'Photos of all six sides of the package'),
          e('damage_photos', '破损物品照片', 'Photos of the damaged item'),
        ],
        sla: expressSla(
          t('24 小时内首次响应，3–5 个工作日办结', 'First response 24 h, done in 3–5 working days'),
        ),
      },
      {
        code: 'delivery_delayed',
        name: t('延误', 'Delivery delayed'),
        priority: 'green',
        requiredFields: [waybill, carrier],
        requiredEvidence: [timeline],
        sla: expressSla(
          t('24 小时内首次响应，3–5 个工作日办结', 'First response 24 h, done in 3–5 working days'),
        ),
      },
      {
        code: 'signing_dispute',
        name: t('签收争议', 'Signed without receipt'),
        priority: 'yellow',
        requiredFields: [waybill, carrier],
        requiredEvidence: [
          timeline,
          e('six_side_photos', '外包装六面照片', 'Photos of all six sides of the package'),
        ],
        sla: expressSla(
          t('24 小时内首次响应，3–5 个工作日办结', 'First response 24 h, done in 3–5 working days'),
        ),
      },
      {
        code: 'pickup_point',
        name: t('代收点问题', 'Pickup point problem'),
        priority: 'green',
        requiredFields: [
          waybill,
          carrier,
          f('pickup_point', 'text', '代收点名称/地址', 'Pickup point name or address'),
        ],
        requiredEvidence: [timeline],
        sla: expressSla(
          t('24 小时内首次响应，3–5 个工作日办结', 'First response 24 h, done in 3–5 working days'),
        ),
      },
      {
        code: 'international_parcel',
        name: t('国际件', 'International parcel'),
        priority: 'yellow',
        requiredFields: [waybill, carrier],
        requiredEvidence: [timeline],
        sla: expressSla(
          t(
            '24 小时内首次响应，3–5 个工作日办结（跨境另加时限）',
            'First response 24 h, done in 3–5 working days (cross-border adds time)',
          ),
        ),
      },
      {
        code: 'fresh_goods',
        name: t('生鲜', 'Fresh goods'),
        priority: 'red',
        requiredFields: [waybill, carrier],
        requiredEvidence: [timeline, e('damage_photos', '货物状况照片', 'Photos of the goods')],
        sla: expressSla(
          t('生鲜加急：24 小时内首次响应', 'Fresh goods are urgent: first response within 24 h'),
          { resolutionWorkingDays: 3 },
        ),
      },
    ],
  },
  {
    code: 'cs_quality',
    name: t('客服服务质量', 'Customer-service quality'),
    description: t('对客服处理方式有异议', 'Disputes about how an agent handled a case'),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'agent_handling',
        name: t('客服处理异议', 'Agent handling dispute'),
        priority: 'green',
        requiredFields: [
          f('previous_case_number', 'case_number', '原投诉编号', 'Earlier complaint number'),
        ],
        requiredEvidence: [],
        sla: sla({
          resolutionWorkingDays: 5,
          note: t('由其他专员复核', 'Reviewed by a different person'),
        }),
      },
    ],
  },
  {
    code: 'minor_protection',
    name: t('未成年人保护', 'Minor protection'),
    description: t(
      '未成年人相关投诉（专用通道）',
      'Complaints involving minors (dedicated channel)',
    ),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'minor_protection',
        name: t('未成年人保护', 'Minor protection'),
        priority: 'red',
        requiredFields: [accountId],
        requiredEvidence: [
          e('guardian_id_proof', '监护人身份证明', "Guardian's proof of identity"),
        ],
        sla: sla({
          resolutionWorkingDays: 3,
          maxWorkingDays: 7,
          note: t('专用通道，红色加急', 'Dedicated channel, red priority'),
        }),
      },
    ],
  },
  {
    code: 'business_cooperation',
    name: t('商业合作纠纷', 'Business cooperation dispute'),
    description: t('与平台的商业合作纠纷', 'Disputes over business cooperation with the platform'),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'cooperation_dispute',
        name: t('合作纠纷', 'Cooperation dispute'),
        priority: 'green',
        requiredFields: [
          f('contract_number', 'text', '合同/协议编号', 'Contract or agreement number', false),
        ],
        requiredEvidence: [e('contract', '合同/协议', 'Contract or agreement')],
        sla: sla({
          resolutionWorkingDays: 15,
          note: t('须出具书面解决方案', 'A written resolution plan is required'),
        }),
      },
    ],
  },
  {
    code: 'cross_border',
    name: t('跨境', 'Cross-border'),
    description: t('海外用户、跨境支付', 'Overseas users and cross-border payments'),
    accepted: true,
    refusalGuidance: null,
    types: [
      {
        code: 'overseas_account',
        name: t('海外用户账号问题', 'Overseas user account problem'),
        priority: 'yellow',
        requiredFields: [accountId, f('country', 'text', '所在国家/地区', 'Country or region')],
        requiredEvidence: [e('passport_info', '护照信息', 'Passport information')],
        sla: sla({
          resolutionWorkingDays: 5,
          note: t(
            '东南亚延长 2 个工作日；非洲地区需额外身份核验',
            'South-East Asia +2 working days; Africa needs an extra identity check',
          ),
        }),
      },
      {
        code: 'cross_border_payment',
        name: t('跨境支付', 'Cross-border payment'),
        priority: 'yellow',
        requiredFields: [txnId, amount, f('country', 'text', '所在国家/地区', 'Country or region')],
        requiredEvidence: [
          e('passport_info', '护照信息', 'Passport information'),
          e('transaction_proof', '交易凭证', 'Transaction proof'),
        ],
        sla: sla({
          resolutionWorkingDays: 8,
          note: t('跨境支付另加 3–5 个工作日', 'Cross-border payment adds 3–5 working days'),
        }),
      },
    ],
  },
  {
    code: 'judicial',
    name: t('司法类诉求', 'Judicial claims'),
    description: t(
      '诉讼、仲裁、判决执行等司法类诉求',
      'Lawsuits, arbitration and enforcement of judgments',
    ),
    accepted: false,
    refusalGuidance: t(
      '本平台不受理司法类诉求。请向人民法院起诉或向仲裁机构申请仲裁；消费纠纷可先向 12315 申请行政调解。',
      'We do not accept judicial claims. Please bring them before a people\u2019s court or an arbitration body; consumer disputes can first go to 12315 for administrative mediation.',
    ),
    types: [],
  },
];
