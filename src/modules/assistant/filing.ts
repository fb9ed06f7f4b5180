// 我要投诉 in conversation: the assistant asks one thing at a time — what happened, which type
// (suggested from the description), each field the type requires, what the person wants — then
// files through the same use-case as the portal's form. A visitor is asked to log in first
// (filing needs a verified phone); what they said is kept in the conversation until they do.
import { checkFields, fileComplaint, type ComplaintsDeps } from '../complaints/index.js';
import { loadCatalog, loadSuggestCandidates, suggestTypes } from '../catalog/index.js';
import type { Principal } from '../../server/plugins/auth.js';
import type { Category, ProblemType } from '../../shared/catalog.js';
import { fieldReasonMessage, type FieldReason } from '../../shared/errors.js';
import type { ChatOption } from '../../shared/assistant.js';
import { AppError } from '../../server/lib/errors.js';

export interface FilingState {
  kind: 'filing';
  step: 'description' | 'type' | 'field' | 'demand' | 'confirm';
  description?: string;
  typeCode?: string;
  fields: Record<string, string>;
  fieldKey?: string;
  demand?: string;
}

export interface FilingTurn {
  reply: string;
  options: ChatOption[];
  /** null: the filing is over (filed, refused or cancelled). */
  state: FilingState | null;
  filedNumber?: string;
}

type L = 'zh-CN' | 'en';
const t = (locale: L, zh: string, en: string) => (locale === 'en' ? en : zh);
const nameOf = (n: { zh: string; en: string }, locale: L) => (locale === 'en' ? n.en : n.zh);

const CONFIRM_RE = /^(确认|确认提交|提交|是|是的|对|好|好的|可以|没问题|confirm|yes|submit|ok)$/i;

function findType(catalog: Category[], code: string) {
  for (const c of catalog) {
    const type = c.types.find((x) => x.code === code);
    if (type) return { category: c, type };
  }
  return null;
}

function nextField(type: ProblemType, fields: Record<string, string>) {
  return type.requiredFields.find((f) => f.required && fields[f.key] === undefined) ?? null;
}

function askField(type: ProblemType, state: FilingState, locale: L): FilingTurn {
  const f = nextField(type, state.fields);
  if (f) {
    return {
      reply: t(locale, `请提供${f.label.zh}：`, `Please give the ${f.label.en}:`),
      options: [],
      state: { ...state, step: 'field', fieldKey: f.key },
    };
  }
  return {
    reply: t(
      locale,
      '您希望如何解决？（例如：退款、赔偿、补发、道歉）',
      'What would you like us to achieve? (e.g. a refund, compensation, a resend, an apology)',
    ),
    options: [],
    state: { ...state, step: 'demand', fieldKey: undefined },
  };
}

function summary(state: FilingState, type: ProblemType, locale: L): string {
  const lines = [
    t(locale, '请确认以下投诉内容：', 'Please check your complaint:'),
    `${t(locale, '问题类型', 'Type')}：${nameOf(type.name, locale)}`,
    `${t(locale, '问题描述', 'What happened')}：${state.description ?? ''}`,
    ...type.requiredFields
      .filter((f) => state.fields[f.key] !== undefined)
      .map((f) => `${nameOf(f.label, locale)}：${state.fields[f.key]}`),
    `${t(locale, '诉求', 'Your request')}：${state.demand ?? ''}`,
  ];
  return lines.join('\n');
}

function confirmOptions(locale: L): ChatOption[] {
  return [
    { label: t(locale, '确认提交', 'Submit'), text: t(locale, '确认提交', 'confirm') },
    { label: t(locale, '取消', 'Cancel'), text: t(locale, '取消', 'cancel') },
  ];
}

export function startFiling(rest: string): { state: FilingState } {
  return {
    state: { kind: 'filing', step: 'description', fields: {}, description: rest || undefined },
  };
}

/** One step of the filing dialogue for the person's latest message. */
export async function continueFiling(
  deps: ComplaintsDeps,
  input: {
    state: FilingState;
    text: string;
    locale: L;
    principal: Principal | null;
    today: string;
  },
): Promise<FilingTurn> {
  const { locale, text } = input;
  const state: FilingState = { ...input.state, fields: { ...input.state.fields } };
  const [catalog, known] = await Promise.all([
    loadCatalog(deps.db),
    loadSuggestCandidates(deps.db),
  ]);

  if (state.step === 'description') {
    if (!state.description) {
      if (text.trim().length < 4) {
        return {
          reply: t(
            locale,
            '好的，我来帮您提交投诉。请用一两句话描述您遇到的问题（发生了什么、涉及哪个商家或快递）。',
            'Sure, I will help you file a complaint. In a sentence or two, what happened (and which merchant or courier)?',
          ),
          options: [],
          state,
        };
      }
      state.description = text.trim();
    }
    const suggested = suggestTypes(state.description, known, 3);
    return {
      reply: suggested.length
        ? t(locale, '请选择最符合的问题类型：', 'Which type fits best?')
        : t(
            locale,
            '请告诉我问题类型，例如“丢件”“退款纠纷”“账号被盗”。',
            'Which type is it, for example "lost parcel", "refund dispute", "stolen account"?',
          ),
      options: suggested.map((s) => ({
        label: nameOf(s.typeName, locale),
        text: nameOf(s.typeName, locale),
      })),
      state: { ...state, step: 'type' },
    };
  }

  if (state.step === 'type') {
    const wanted = text.trim().toLowerCase();
    let found: { category: Category; type: ProblemType } | null = null;
    for (const c of catalog) {
      const ty = c.types.find(
        (x) => x.code === wanted || x.name.zh === text.trim() || x.name.en.toLowerCase() === wanted,
      );
      if (ty) found = { category: c, type: ty };
    }
    if (!found) {
      const s = suggestTypes(text, known, 1)[0];
      if (s) found = findType(catalog, s.typeCode);
    }
    if (!found) {
      return {
        reply: t(
          locale,
          '没有找到这个类型，请从下面选择，或换个说法。',
          'I could not find that type; pick one below or put it another way.',
        ),
        options: suggestTypes(state.description ?? text, known, 3).map((s) => ({
          label: nameOf(s.typeName, locale),
          text: nameOf(s.typeName, locale),
        })),
        state,
      };
    }
    if (!found.category.accepted) {
      const guidance = found.category.refusalGuidance;
      return {
        reply: t(
          locale,
          `很抱歉，“${found.category.name.zh}”类问题不在本平台受理范围内。${guidance?.zh ?? ''}`,
          `Sorry, "${found.category.name.en}" is outside what this platform handles. ${guidance?.en ?? ''}`,
        ).trim(),
        options: [],
        state: null,
      };
    }
    return askField(found.type, { ...state, typeCode: found.type.code }, locale);
  }

  const found = state.typeCode ? findType(catalog, state.typeCode) : null;
  if (!found)
    return { reply: t(locale, '请重新开始。', 'Please start again.'), options: [], state: null };
  const { type } = found;

  if (state.step === 'field' && state.fieldKey) {
    const def = type.requiredFields.find((f) => f.key === state.fieldKey);
    if (def) {
      const checked = checkFields([def], { [def.key]: text }, input.today);
      if (!checked.ok) {
        const problem = Object.values(checked.problems)[0]!;
        return {
          reply: t(
            locale,
            `${def.label.zh}${fieldReasonMessage(problem.reason as FieldReason, locale, problem.params)}，请重新输入：`,
            `The ${def.label.en} ${fieldReasonMessage(problem.reason as FieldReason, locale, problem.params)}; please enter it again:`,
          ),
          options: [],
          state,
        };
      }
      state.fields[def.key] = checked.values[def.key] ?? text.trim();
    }
    return askField(type, state, locale);
  }

  if (state.step === 'demand') {
    if (!text.trim()) return askField(type, state, locale);
    state.demand = text.trim();
    return {
      reply: `${summary(state, type, locale)}\n${loginHint(input.principal, locale)}`.trim(),
      options: confirmOptions(locale),
      state: { ...state, step: 'confirm' },
    };
  }

  // confirm
  if (!CONFIRM_RE.test(text.trim())) {
    return {
      reply: t(locale, '请回复“确认提交”或“取消”。', 'Reply "confirm" to submit or "cancel".'),
      options: confirmOptions(locale),
      state,
    };
  }
  if (
    !input.principal ||
    input.principal.kind !== 'user' ||
    input.principal.role !== 'complainant'
  ) {
    return { reply: loginHint(null, locale), options: confirmOptions(locale), state };
  }
  try {
    const { result } = await fileComplaint(deps, {
      principal: input.principal,
      body: {
        type: type.code,
        description: state.description ?? '',
        demand: state.demand ?? '',
        fields: state.fields,
        channel: 'assistant',
      },
      idempotencyKey: null,
      ip: null,
      locale,
    });
    const number = result.complaint.number;
    const note = result.notice ? `\n${result.notice}` : '';
    return {
      reply: t(
        locale,
        `投诉已提交，编号 ${number}。您可以在[我的投诉](/complaints/${number})查看进度，或随时发送“查询投诉进度 ${number}”。${note}`,
        `Your complaint is filed, number ${number}. Follow it in [My complaints](/complaints/${number}) or send "progress ${number}" any time.${note}`,
      ),
      options: [],
      state: null,
      filedNumber: number,
    };
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      return {
        reply: t(
          locale,
          '提交未成功：部分信息不符合要求，请重新开始投诉或改用[投诉表单](/file)。',
          'That did not go through: some details were not accepted. Start again or use the [complaint form](/file).',
        ),
        options: [],
        state: null,
      };
    }
    throw err;
  }
}

function loginHint(principal: Principal | null, locale: L): string {
  if (principal && principal.kind === 'user' && principal.role === 'complainant') return '';
  return t(
    locale,
    '提交投诉需要验证手机号：请先[登录](/login?redirect=/assistant)，登录后回到这里回复“确认提交”即可，已填写的内容会保留。',
    'Filing needs a verified phone: [log in](/login?redirect=/assistant) first, then come back and reply "confirm"; what you entered is kept.',
  );
}
