// Word segmentation for matching: jieba with this domain's vocabulary (so 零钱通, 运单号, 财付通
// stay whole), a few canonical spellings of question phrases (咋办 → 怎么办), stop words removed.
// One Jieba instance per process, created on first use (loading its dictionary takes ~0.3 s).
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Words of this domain that jieba's general dictionary would split. */
export const DOMAIN_TERMS: readonly string[] = [
  // WeChat and WeChat Pay
  '微信',
  '微信支付',
  '微信号',
  '红包',
  '零钱',
  '零钱通',
  '财付通',
  '提现',
  '到账',
  '未到账',
  '转账',
  '收款码',
  '付款码',
  '收款',
  '扣款',
  '拉黑',
  '冻结',
  '解冻',
  '解封',
  '封号',
  '被盗',
  '盗号',
  '实名认证',
  '实名',
  '支付分',
  '微信豆',
  '亲属卡',
  '小程序',
  '公众号',
  '视频号',
  '朋友圈',
  '群收款',
  '手续费',
  '免费额度',
  '限制收款',
  '延时到账',
  '自动续费',
  '免密支付',
  '支付密码',
  '银行卡',
  '信用卡',
  '花呗',
  '借呗',
  '分付',
  '微粒贷',
  '还款',
  '账单',
  '交易记录',
  '辅助验证',
  '换绑',
  '解绑',
  '手机号',
  '验证码',
  '身份证',
  '人脸识别',
  '诈骗',
  '被骗',
  '刷单',
  '盗刷',
  // Express delivery
  '快递',
  '快递员',
  '快递柜',
  '驿站',
  '派件',
  '揽收',
  '揽件',
  '签收',
  '代签收',
  '虚假签收',
  '运单号',
  '面单',
  '保价',
  '丢件',
  '破损',
  '延误',
  '退件',
  '顺丰',
  '中通',
  '圆通',
  '申通',
  '韵达',
  '极兔',
  '京东物流',
  '邮政',
  '物流',
  // Online shopping
  '商家',
  '店铺',
  '7天无理由',
  '无理由退货',
  '退货退款',
  '仅退款',
  '退款',
  '退货',
  '换货',
  '运费险',
  '售后',
  '不发货',
  '假货',
  '正品',
  '价格欺诈',
  '先涨后降',
  '差评',
  '好评返现',
  '拼多多',
  '淘宝',
  '京东',
  '抖音',
  '直播间',
  // Complaints and this platform
  '投诉',
  '投诉单',
  '申诉',
  '催办',
  '撤回',
  '撤销',
  '进度',
  '处理时效',
  '处理结果',
  '工单',
  '证据',
  '截图',
  '12315',
  '12345',
  '黑猫投诉',
  '消费者协会',
  '市场监管',
  '人工客服',
  '转人工',
  '短信验证码',
  '登录',
  '注销',
  '个人信息',
  '隐私',
];

/** Spellings of the same question that users vary freely, to one canonical phrase. */
export const PHRASE_CANON: Readonly<Record<string, string>> = {
  咋办: '怎么办',
  咋整: '怎么办',
  怎么整: '怎么办',
  怎么搞: '怎么办',
  如何处理: '怎么办',
  怎么处理: '怎么办',
  怎么解决: '怎么办',
  如何解决: '怎么办',
  该怎么办: '怎么办',
  多长时间: '多久',
  多少时间: '多久',
  什么时候: '多久',
  啥时候: '多久',
  几时: '多久',
  为啥: '为什么',
  为何: '为什么',
  怎么会: '为什么',
  咋: '怎么',
  如何: '怎么',
  怎样: '怎么',
  怎么样: '怎么',
  啥: '什么',
  多少钱: '费用',
  收费吗: '费用',
  要钱吗: '费用',
};

/** Function words that carry no topic. Question words (怎么, 多久, 为什么) are kept: they do. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 吗 呢 吧 啊 呀 哦 嘛 哈 啦 么 呗 喔 噢 嗯 额 诶 哎 唉 我 我们 你 你们 您 他 她 它 他们 ' +
    '是 在 有 和 与 及 或 就 都 也 还 又 再 这 那 这个 那个 这样 那样 个 一下 一个 请问 请 ' +
    '麻烦 谢谢 你好 您好 在吗 问 想 想问 要 把 被 给 让 对 从 向 到了 过 着 得 地 之 而 ' +
    '但是 但 可是 然后 所以 因为 如果 的话 就是 还是 已经 现在 今天 一直 自己 什么的 ' +
    '可以 能 能不能 可不可以 会 需要 应该 是不是 有没有 吗 么 呐 哇 哟 嘿'
  ).split(/\s+/),
);

const CANON_RE = new RegExp(
  `(${Object.keys(PHRASE_CANON)
    .sort((a, b) => b.length - a.length)
    .join('|')})`,
  'g',
);

let jieba: Jieba | null = null;

function instance(): Jieba {
  if (!jieba) {
    const j = Jieba.withDict(dict);
    // A high frequency makes jieba prefer the whole term over its parts.
    j.loadDict(Buffer.from(DOMAIN_TERMS.map((t) => `${t} 200000 n`).join('\n')));
    jieba = j;
  }
  return jieba;
}

/** Canonical question phrases in already normalised text (咋办 → 怎么办). */
export function canonPhrases(text: string): string {
  return text.replace(CANON_RE, (m: string) => PHRASE_CANON[m] ?? m);
}

/**
 * The content words of a message, in order. Expects normalise()d text (it still works on raw
 * text, but full-width or traditional characters then stay as they are).
 */
export function segment(text: string): string[] {
  const words = instance().cut(canonPhrases(text), true);
  const out: string[] = [];
  for (const w of words) {
    const t = w.trim();
    if (t.length === 0 || STOP_WORDS.has(t)) continue;
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    out.push(t);
  }
  return out;
}
