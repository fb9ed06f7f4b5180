// The default complaint catalogue of SPEC "Complaint categories", with the seed figures.
// Admins change it later in the console; complaints keep a snapshot of the rules they were
// filed under (Stage 2), so editing this never rewrites history. Data, not logic: its length is
// the catalogue's.
import type { CatalogSeedCategory } from '../../../modules/catalog/index.js';
import type {
  FieldKind,
  RequiredEvidence,
  RequiredField,
  SlaSpec,
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
/** Keywords written as one 、-separated list: the catalogue stays readable as data. */
const kw = (list: string): string[] => list.split('、');
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

// `keywords` are words people actually type for each problem (丢件 → 丢了, 没收到 …); the type
// suggester (src/modules/catalog/suggest.ts) matches them, longest first.
export const DEFAULT_CATALOG: CatalogSeedCategory[] = [
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
        keywords: kw(
          '账号被盗、号被盗、被盗号、盗号、微信被盗、qq被盗、被黑、号被黑、异地登录、陌生设备登录、别人登录了我的、密码被改、被改密码、hacked、stolen account',
        ),
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
        keywords: kw(
          '密码锁定、账号锁定、被锁、锁住了、登不上、登录不了、无法登录、忘记密码、密码错误、输错密码、解锁、locked out、cannot log in',
        ),
        name: t('密码锁定', 'Password locked'),
        priority: 'red',
        requiredFields: [accountId],
        requiredEvidence: [idProof],
        sla: accountSla,
      },
      {
        code: 'identity_misused',
        keywords: kw(
          '冒用、冒用身份、用我的身份、身份被盗、盗用身份、冒名、被冒名、冒充我、身份信息泄露、身份证被、被人注册、identity theft、impersonat',
        ),
        name: t('身份被盗用', 'Identity misused'),
        priority: 'red',
        requiredFields: [accountId],
        requiredEvidence: [idProof],
        sla: accountSla,
      },
      {
        code: 'account_frozen',
        keywords: kw(
          '冻结、账号冻结、被冻结、封号、被封、封禁、限制登录、功能受限、被限制、解封、账号异常、banned、frozen、suspended',
        ),
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
        keywords: kw(
          '转账、转账纠纷、转错、转错人、转错账、误转、转账没到账、转账退回、对方不退、借钱不还、收款不认、transfer',
        ),
        name: t('转账纠纷', 'Transfer dispute'),
        priority: 'yellow',
        requiredFields: [txnId, amount, txnDate],
        requiredEvidence: [txnShot, bankStatement],
        sla: paymentSla,
      },
      {
        code: 'red_packet_missing',
        keywords: kw(
          '红包、红包没到账、红包未到账、没到账、未到账、红包没收到、红包被领、抢红包、发红包、红包退回、red packet、hongbao',
        ),
        name: t('红包未到账', 'Red packet not received'),
        priority: 'yellow',
        requiredFields: [txnId, amount, txnDate],
        requiredEvidence: [txnShot, bankStatement],
        sla: paymentSla,
      },
      {
        code: 'funds_abnormal',
        keywords: kw(
          '资金异常、钱少了、余额少了、余额不对、零钱不见、钱不见了、莫名扣款、乱扣费、多扣、重复扣款、自动扣费、提现失败、资金被冻结、零钱通、charged twice、deducted',
        ),
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
        keywords: kw(
          '盗刷、被盗刷、被骗、骗钱、骗子、诈骗、电信诈骗、刷单、银行卡被盗、不是我付的、未经授权、fraud、scammed',
        ),
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
        keywords: kw(
          '跨境支付、境外支付、海外支付、支付受阻、付不了款、支付失败、无法支付、外卡、境外银行卡、外币支付、cross border payment、payment blocked',
        ),
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
        keywords: kw(
          '色情、涉黄、黄色、低俗、淫秽、裸聊、露骨、擦边、不雅、色情图片、色情视频、porn、nsfw',
        ),
        name: t('色情低俗', 'Pornography'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [contentShot],
        sla: contentSla,
      },
      {
        code: 'scam_content',
        keywords: kw(
          '诈骗信息、诈骗短信、诈骗链接、诈骗网站、诈骗群、钓鱼网站、钓鱼链接、虚假链接、举报诈骗、骗局、scam message、phishing',
        ),
        name: t('诈骗信息', 'Scam'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [contentShot],
        sla: contentSla,
      },
      {
        code: 'rumour',
        keywords: kw(
          '谣言、造谣、传谣、假新闻、不实信息、虚假消息、虚假信息、诽谤、污蔑、rumour、rumor、fake news',
        ),
        name: t('谣言', 'Rumour'),
        priority: 'green',
        requiredFields: [contentUrl],
        requiredEvidence: [contentShot],
        sla: contentSla,
      },
      {
        code: 'infringement',
        keywords: kw(
          '侵权、抄袭、盗图、盗用作品、搬运、未经授权转载、版权、盗版、侵犯版权、肖像权、原创被盗、copyright、plagiar',
        ),
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
        keywords: kw(
          '质量、质量问题、质量差、假货、卖假货、假冒、伪劣、假冒伪劣、劣质、次品、残次品、不是正品、山寨、过期、有瑕疵、fake goods、counterfeit、defective',
        ),
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
        keywords: kw(
          '虚假宣传、夸大宣传、虚假广告、宣传不符、与描述不符、描述不符、货不对板、图文不符、夸大功效、虚标、价格欺诈、先涨后降、misleading、false advertising',
        ),
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
        keywords: kw(
          '售后、不给退、不退款、退款、退货、换货、拒绝退款、拒绝售后、商家不理、不理人、联系不上商家、不发货、七天无理由、保修、refund、return',
        ),
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
        keywords: kw('小程序、小程序购物、小程序下单、小程序商城、小程序付款、mini program'),
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
        keywords: kw(
          '直播、直播间、带货、直播带货、主播、直播购物、直播下单、live stream、livestream',
        ),
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
        keywords: kw(
          '虚拟商品、游戏、充值、充值不到账、点卡、会员、游戏币、皮肤、装备、q币、激活码、兑换码、网课、virtual、top up',
        ),
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
        keywords: kw(
          '丢件、丢了、丢失、快递丢了、包裹丢了、快递丢失、寄丢、弄丢、遗失、没收到、没有收到、快递不见了、不见了、找不到、少件、漏件、lost、missing parcel',
        ),
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
        keywords: kw(
          '破损、损坏、摔坏、压坏、碎了、摔碎、坏了、包裹破损、快递破损、外包装破、变形、压扁、漏了、洒了、damaged、broken',
        ),
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
        keywords: kw(
          '延误、延迟、太慢、很慢、没动静、物流不动、不动了、物流不更新、没更新、一直没到、还没到、还没送到、几天没到、迟迟、停滞、卡住、派送慢、delayed、late、stuck',
        ),
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
        keywords: kw(
          '签收、已签收、显示签收、被签收、代签、被代签、冒签、未本人签收、没签收、签收但没收到、signed',
        ),
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
        keywords: kw(
          '代收点、驿站、菜鸟驿站、快递柜、丰巢、自提点、放驿站、不送上门、放快递柜、取件、取件码、收费取件、超时费、pickup point、parcel locker',
        ),
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
        keywords: kw(
          '国际件、国际快递、海外快递、跨国快递、海关、清关、扣关、关税、转运、海淘、集运、international、customs',
        ),
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
        keywords: kw(
          '生鲜、水果、海鲜、蔬菜、冷链、冷冻、变质、腐烂、烂了、化了、不新鲜、臭了、坏果、fresh',
        ),
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
        keywords: kw(
          '客服态度、态度差、态度恶劣、客服不专业、客服不处理、敷衍、推诿、踢皮球、挂电话、处理不满意、投诉客服、工作人员、customer service、rude',
        ),
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
        keywords: kw(
          '未成年、未成年人、孩子、小孩、儿童、学生、孩子充值、孩子打赏、孩子偷偷、偷偷充值、未成年充值、防沉迷、青少年、监护人、minor、child',
        ),
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
        keywords: kw(
          '合作、合作纠纷、合同、协议、违约、结算、分成、佣金、服务费、代理、加盟、入驻、保证金、contract、partnership',
        ),
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
        keywords: kw(
          '海外、海外用户、国外、境外、出国、在国外、海外手机号、外国手机号、境外账号、外籍、overseas、abroad、foreign',
        ),
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
        keywords: kw(
          '跨境、跨境支付、境外付款、海外付款、国外付款、外币、汇款、跨境汇款、海外收款、cross border、remittance',
        ),
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
    // Listed so that a filing naming it (or the type suggester) leads to the guidance above.
    types: [
      {
        code: 'judicial_claim',
        name: t('诉讼、仲裁、执行', 'Lawsuit, arbitration, enforcement'),
        priority: 'green',
        requiredFields: [],
        requiredEvidence: [],
        sla: sla({ note: t('不予受理', 'Not accepted') }),
        keywords: kw(
          '起诉、诉讼、打官司、告他、告商家、上诉、法院、仲裁、申请仲裁、判决、强制执行、申请执行、立案、律师、律师函、司法、lawsuit、sue、court、arbitration、legal action',
        ),
      },
    ],
  },
];
