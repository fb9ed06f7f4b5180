// The default soothing scripts (安抚话术): one short sentence put before the factual answer when a
// message carries a clear emotion. Supervisors edit the library; these are what ships. They
// acknowledge the feeling and say what happens next, and never promise an outcome (no "一定给您
// 退", "马上到账"): the answer that follows is where the facts are.
// The same module (assistant): the lint rule's path pattern cannot tell a sibling folder from
// another module.
// eslint-disable-next-line no-restricted-imports
import type { Emotion } from '../nlp/types.js';

export interface SoothingScript {
  id: string;
  emotion: Emotion;
  locale: 'zh-CN' | 'en';
  text: string;
}

type Library = Readonly<Record<string, { zh: readonly string[]; en: readonly string[] }>>;

const LIBRARY: Library = {
  // anger: take the blame for the experience, not a position on the dispute.
  anger: {
    zh: [
      '非常理解您现在的心情，给您带来不便真的很抱歉。',
      '让您这么生气，是我们做得不够好，实在抱歉。',
      '您的不满我完全理解，换作是我也会着急上火，我们一起把事情理清楚。',
      '让您反复沟通还没解决，真的很抱歉，我这就认真帮您看。',
      '很抱歉让您有这样的体验，您反映的问题我都认真记下了。',
    ],
    en: [
      "I completely understand why you're upset, and I'm truly sorry for the trouble.",
      "I'm sorry you've had to chase this. Let me look into it properly.",
      "That's a frustrating experience, and I apologise. Let's go through it together.",
    ],
  },
  // anxiety: show movement; the status that follows is the real comfort.
  anxiety: {
    zh: [
      '您别着急，我马上帮您查。',
      '理解您着急的心情，我这就帮您看看进度。',
      '让您久等了，我先把目前的情况告诉您。',
      '知道您等得很急，我们一步一步来，我现在就帮您确认。',
      '您先别急，我立刻帮您核实一下。',
    ],
    en: [
      'I understand this is urgent; let me check right away.',
      "Sorry for the wait. Here's where things stand right now.",
      "I know you've been waiting; let me find out for you now.",
    ],
  },
  // sadness: acknowledge the loss before any procedure.
  sadness: {
    zh: [
      '听到这样的情况，真的很替您难过。',
      '能理解您现在的失落，这件事换谁都会不好受。',
      '辛苦您了，遇到这样的事确实让人心寒，我会认真帮您看。',
      '您的心情我能体会，先别灰心，我们一起看看还能做些什么。',
      '很抱歉让您失望了，谢谢您还愿意告诉我们。',
    ],
    en: [
      "I'm really sorry to hear that; that's disappointing.",
      "I can see how upsetting this is. Let's see what can still be done.",
    ],
  },
  // fear: calm first, then the one safety step that always applies.
  fear: {
    zh: [
      '您先别慌，我们一起一步一步处理。',
      '别担心，先提醒您：不要向任何人透露验证码和支付密码。',
      '遇到这种情况担心是很正常的，我先告诉您现在可以做的几件事。',
      '您的顾虑我都明白，请先稳住，我们一件一件来看。',
      '请放心把情况告诉我，我会认真帮您处理。',
    ],
    en: [
      "Please don't panic; let's take this one step at a time.",
      "It's understandable to be worried. First, never share your verification code or payment password with anyone.",
    ],
  },
  // disgust: agree the experience was unpleasant without repeating the details.
  disgust: {
    zh: [
      '很抱歉让您遇到这么糟心的事，您的感受我完全理解。',
      '这样的体验确实让人很不舒服，真的抱歉。',
      '给您添堵了，实在不好意思，我来帮您把问题理一理。',
      '理解您的反感，遇到这种事谁都会不舒服。',
      '您反映的情况我们很重视，谢谢您告诉我们。',
    ],
    en: [
      "I'm sorry you had to deal with this; I understand how off-putting it is.",
      "That's a genuinely unpleasant experience, and I'm sorry.",
    ],
  },
  // positive: a warm close, not a sales pitch.
  positive: {
    zh: [
      '很高兴能帮到您！',
      '不客气，能帮上忙就好。',
      '谢谢您的认可，这是我们应该做的。',
      '也谢谢您的耐心配合！',
      '听到问题解决了，我们也很开心。',
    ],
    en: ['Glad I could help!', "You're welcome, and thank you for your patience."],
  },
};

/** Ids are stable (`anger-zh-1` …) so a supervisor's edits can be told from the defaults. */
export const DEFAULT_SCRIPTS: readonly SoothingScript[] = Object.entries(LIBRARY).flatMap(
  ([emotion, { zh, en }]) => [
    ...zh.map((text, i) => script(emotion as Emotion, 'zh-CN', i, text)),
    ...en.map((text, i) => script(emotion as Emotion, 'en', i, text)),
  ],
);

function script(emotion: Emotion, locale: 'zh-CN' | 'en', i: number, text: string) {
  return { id: `${emotion}-${locale === 'en' ? 'en' : 'zh'}-${i + 1}`, emotion, locale, text };
}

/**
 * The script to use for `emotion` in `locale`, or null when the library has none (the answer
 * then goes out alone: never a script in the other language). `seed` is the turn number: the
 * choice is deterministic, and consecutive turns take consecutive scripts, so a person who stays
 * upset does not read the same sentence twice in a row.
 */
export function pickScript<T extends Pick<SoothingScript, 'emotion' | 'locale'>>(
  scripts: readonly T[],
  emotion: Emotion,
  locale: 'zh-CN' | 'en',
  seed: number,
): T | null {
  const fitting = scripts.filter((s) => s.emotion === emotion && s.locale === locale);
  if (fitting.length === 0) return null;
  const n = fitting.length;
  const i = Number.isFinite(seed) ? ((Math.trunc(seed) % n) + n) % n : 0;
  return fitting[i]!;
}
