// Writes bench/data/assistant/kb.json: the demo knowledge base (DEFAULT_KB) plus generated
// entries up to --size (default 5,000), so the matcher is measured at the size of a real
// operator's knowledge base. The extra entries are consumer-complaint questions about other
// services (services × problems × what the person asks), worded the way the core ones are: they
// share 投诉, 退款, 赔偿, 证据 … with the core entries, so they are real distractors.
// Run: npx tsx bench/assistant-make-kb.ts [--size=5000] [--out=FILE]
import { writeFileSync } from 'node:fs';
import { DEFAULT_KB } from '../src/modules/assistant/data/default-kb.js';
import { intArg, parseArgs } from './args.js';

interface JsonEntry {
  id: string;
  category: string;
  question: string;
  similar: string[];
  answer: string;
}

/** Services outside the core KB's topics (WeChat, express delivery, online shopping). */
const SERVICES: readonly (readonly [name: string, alias: string, regulator: string])[] = [
  ['网约车', '打车软件', '交通运输部门'],
  ['外卖平台', '点外卖的平台', '市场监管部门'],
  ['在线旅游平台', '订酒店机票的平台', '文化和旅游部门'],
  ['火车票代购', '抢票软件', '市场监管部门'],
  ['航空公司', '航司', '民航管理部门'],
  ['共享单车', '单车', '交通运输部门'],
  ['共享充电宝', '充电宝', '市场监管部门'],
  ['手机运营商', '电信运营商', '通信管理局'],
  ['宽带公司', '宽带', '通信管理局'],
  ['有线电视', '数字电视', '广电部门'],
  ['物业公司', '物业', '住建部门'],
  ['燃气公司', '燃气', '城市管理部门'],
  ['供电公司', '电力公司', '能源监管部门'],
  ['健身房', '健身俱乐部', '市场监管部门'],
  ['美容院', '美容店', '市场监管部门'],
  ['理发店', '美发店', '市场监管部门'],
  ['校外培训机构', '培训班', '教育部门'],
  ['驾校', '驾驶培训学校', '交通运输部门'],
  ['早教中心', '早教机构', '教育部门'],
  ['房屋中介', '中介公司', '住建部门'],
  ['长租公寓', '租房公寓', '住建部门'],
  ['装修公司', '装修队', '市场监管部门'],
  ['家政公司', '保洁阿姨', '商务部门'],
  ['汽车4S店', '4S店', '市场监管部门'],
  ['二手车商', '二手车行', '市场监管部门'],
  ['保险公司', '保险', '金融监管部门'],
  ['银行信用卡中心', '信用卡中心', '金融监管部门'],
  ['网络贷款平台', '网贷', '金融监管部门'],
  ['视频网站会员', '视频会员', '网信部门'],
  ['音乐平台会员', '音乐会员', '网信部门'],
  ['网络游戏公司', '游戏公司', '文化市场执法部门'],
  ['酒店', '宾馆', '文化和旅游部门'],
  ['民宿', '短租房', '文化和旅游部门'],
  ['景区', '旅游景点', '文化和旅游部门'],
  ['旅行社', '旅游团', '文化和旅游部门'],
  ['电影院', '影城', '电影主管部门'],
  ['停车场', '停车公司', '城市管理部门'],
  ['医美机构', '整形医院', '卫生健康部门'],
  ['体检中心', '体检机构', '卫生健康部门'],
  ['宠物医院', '宠物店', '农业农村部门'],
  ['手机维修店', '修手机的店', '市场监管部门'],
  ['家电维修公司', '家电维修', '市场监管部门'],
  ['搬家公司', '搬家师傅', '市场监管部门'],
  ['在线教育平台', '网课平台', '教育部门'],
  ['婚庆公司', '婚庆', '市场监管部门'],
  ['月子中心', '月子会所', '卫生健康部门'],
  ['养老院', '养老机构', '民政部门'],
  ['自助洗车店', '洗车店', '市场监管部门'],
  ['加油站', '油站', '市场监管部门'],
  ['KTV', '歌厅', '文化市场执法部门'],
];

const PROBLEMS: readonly (readonly [problem: string, variant: string])[] = [
  ['乱收费', '多收钱'],
  ['服务态度差', '工作人员态度恶劣'],
  ['虚假宣传', '宣传和实际不符'],
  ['退费难', '不给退钱'],
  ['未经同意自动扣费', '偷偷扣费'],
  ['押金不退', '押金退不回来'],
  ['合同有霸王条款', '合同条款不公平'],
  ['擅自涨价', '突然涨价'],
  ['客服联系不上', '客服电话打不通'],
  ['泄露个人信息', '把我的信息卖了'],
  ['违约不履行承诺', '说话不算数'],
  ['售后推诿', '出了问题互相推'],
  ['拒绝开发票', '不给发票'],
  ['强制消费', '逼着消费'],
  ['频繁骚扰电话', '天天打电话推销'],
];

/** What the person asks about the problem: [question, similar…, answer]. */
const ASPECTS: readonly ((s: string, a: string, p: string, v: string, r: string) => string[])[] = [
  (s, a, p, v, r) => [
    `${s}${p}怎么投诉`,
    `${a}${v}该去哪里投诉`,
    `遇到${s}${p}要怎么维权`,
    `${s}${p}，我想投诉他们`,
    `${r}能管${a}${p}吗`,
  ],
  (s, a, p, v) => [
    `${s}${p}怎么把钱要回来`,
    `${s}${v}，钱能退吗`,
    `${s}${p}能要求退款吗`,
    `被${s}${p}的钱怎么追回`,
  ],
  (s, a, p, v) => [
    `投诉${s}${p}需要哪些证据`,
    `${s}${v}要留什么证据`,
    `${s}${p}维权要准备什么材料`,
    `告${s}${p}要什么凭证`,
  ],
  (s, a, p, v) => [
    `${s}${p}能要求赔偿吗`,
    `${s}${v}可以索赔吗`,
    `${s}${p}赔偿标准是什么`,
    `${s}${p}能赔多少钱`,
  ],
  (s, a, p, v, r) => [
    `${s}${p}归哪个部门管`,
    `${s}${v}找哪个部门`,
    `${s}${p}可以找${r}吗`,
    `${s}${p}打什么电话投诉`,
  ],
  (s, a, p, v) => [
    `${s}${p}协商不成怎么办`,
    `和${s}谈不拢${v}怎么办`,
    `${s}${p}调解不了可以起诉吗`,
    `${s}${p}能不能去法院告`,
  ],
  (s, a, p, v) => [
    `投诉${s}${p}多久有结果`,
    `${s}${v}投诉后多长时间处理`,
    `${s}${p}的投诉一般几天回复`,
  ],
];

function answer(service: string, problem: string, aspect: number, regulator: string): string {
  const steps = [
    `先与${service}协商并保留凭证；协商不成可以在[提交投诉](/file)中选择“其他服务”，或向${regulator}、12315反映。`,
    `先书面要求${service}退还相关费用并保留付款记录；对方拒绝的，可以投诉或依法起诉。`,
    `请保留合同、付款记录、聊天或通话录音、现场照片等材料，能证明${problem}的经过。`,
    `能否赔偿取决于合同约定和实际损失，请整理损失凭证后与对方协商，协商不成可投诉或起诉。`,
    `${service}${problem}的问题一般由${regulator}监管，也可以拨打12315或当地12345热线反映。`,
    `协商不成可以申请消费者协会调解，或携带证据向法院起诉，必要时咨询律师。`,
    `投诉受理后通常在数个工作日内有初步答复，复杂的会更久，可以在[我的投诉](/track)查看进度。`,
  ];
  return steps[aspect]!;
}

export function makeKb(size: number): JsonEntry[] {
  const out: JsonEntry[] = DEFAULT_KB.map(({ id, category, question, similar, answer: a }) => ({
    id,
    category,
    question,
    similar: [...similar],
    answer: a,
  }));
  let n = 0;
  outer: for (let aspect = 0; aspect < ASPECTS.length; aspect++) {
    for (const [problem, variant] of PROBLEMS) {
      for (const [service, alias, regulator] of SERVICES) {
        if (out.length >= size) break outer;
        const [question, ...similar] = ASPECTS[aspect]!(
          service,
          alias,
          problem,
          variant,
          regulator,
        );
        n++;
        out.push({
          id: `gen-${String(n).padStart(4, '0')}`,
          category: '其他服务',
          question: question!,
          similar,
          answer: answer(service, problem, aspect, regulator),
        });
      }
    }
  }
  return out;
}

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const size = intArg(args, 'size', 5000);
  const file = args.get('out') ?? 'bench/data/assistant/kb.json';
  const entries = makeKb(size);
  // One entry per line: reviewable diffs, still plain JSON.
  writeFileSync(file, `{"entries":[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]}\n`);
  console.log(`wrote ${entries.length} entries to ${file}`);
}

if (process.argv[1]?.endsWith('assistant-make-kb.ts')) main();
