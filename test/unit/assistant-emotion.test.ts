import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRIPTS, pickScript } from '../../src/modules/assistant/data/default-scripts.js';
import { EMOTION_TRAINING } from '../../src/modules/assistant/nlp/emotion-data.js';
import {
  accumulate,
  classifyEmotion,
  emotionModel,
  HANDOFF_THRESHOLD,
  negativeWeight,
} from '../../src/modules/assistant/nlp/emotion.js';
import { EMOTIONS, type Emotion } from '../../src/modules/assistant/nlp/types.js';

const label = (text: string) => classifyEmotion(text).label;
const sum = (scores: Record<Emotion, number>) => EMOTIONS.reduce((s, e) => s + scores[e], 0);

describe('classifyEmotion', () => {
  it.each<[string, Emotion]>([
    ['气死我了，什么破快递！', 'anger'],
    ['你们就是一群骗子，我要投诉到底', 'anger'],
    ['等了五天了还没到账，急死了', 'anxiety'],
    ['到底什么时候能发货啊，赶紧的', 'anxiety'],
    ['谢谢你们，问题解决了', 'positive'],
    ['客服很耐心，非常满意👍', 'positive'],
    ['我想查一下运单号', 'neutral'],
    ['请问零钱提现要手续费吗', 'neutral'],
    ['好害怕账号被盗了钱没了', 'fear'],
    ['有人冒充客服让我转账，我好怕', 'fear'],
    ['恶心，卖假货的商家', 'disgust'],
    ['无语，又是这套说辞，受够了', 'disgust'],
    ['太失望了，心寒', 'sadness'],
    ['攒了好久的钱买的，收到是坏的，好难过😭', 'sadness'],
  ])('%s → %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('reads plain English well enough', () => {
    expect(label('This is ridiculous, I am furious')).toBe('anger');
    expect(label('Thanks a lot, problem solved')).toBe('positive');
    expect(label("I'm scared my account was hacked")).toBe('fear');
    expect(label('How do I change my delivery address?')).toBe('neutral');
  });

  it('does not read a negated emotion as that emotion', () => {
    expect(label('我没有生气，只是问问')).not.toBe('anger');
    expect(label('不是很急，你们慢慢查就行')).not.toBe('anxiety');
    expect(label('我不害怕，就是想确认一下这个电话是不是你们打的')).not.toBe('fear');
    expect(label("I'm not angry, just asking")).not.toBe('anger');
  });

  it('reads a negated positive word as negative', () => {
    expect(label('对这个处理结果很不满意')).toBe('anger');
    expect(isNegative(classifyEmotion('一点都不开心'))).toBe(true);
  });

  it('gives scores for every label that sum to 1, and never throws', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 50 }),
        // Pieces of cues, negators and punctuation, so the modifiers are exercised too.
        fc
          .array(
            fc.constantFrom(
              '不',
              '没',
              '气',
              '死',
              '急',
              '太',
              '谢',
              '了',
              '！',
              '？',
              '😡',
              ' ',
              'no',
            ),
            {
              maxLength: 30,
            },
          )
          .map((xs) => xs.join('')),
        (a, b, c) => {
          for (const text of [a, b, c, a + b + c]) {
            const r = classifyEmotion(text);
            expect(Object.keys(r.scores).sort()).toEqual([...EMOTIONS].sort());
            expect(sum(r.scores)).toBeCloseTo(1, 9);
            for (const e of EMOTIONS) expect(r.scores[e]).toBeGreaterThanOrEqual(0);
            expect(r.scores[r.label]).toBe(Math.max(...EMOTIONS.map((e) => r.scores[e])));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('copes with empty, emoji-only and very long input', () => {
    expect(classifyEmotion('')).toEqual({
      label: 'neutral',
      scores: { neutral: 1, positive: 0, anger: 0, anxiety: 0, sadness: 0, fear: 0, disgust: 0 },
    });
    expect(label('   ')).toBe('neutral');
    expect(label('😡😡😡')).toBe('anger');
    expect(label('😭😭')).toBe('sadness');
    expect(label('👍')).toBe('positive');
    const long = '快递怎么还没到'.repeat(20_000);
    const started = performance.now();
    const r = classifyEmotion(long);
    expect(performance.now() - started).toBeLessThan(200);
    expect(sum(r.scores)).toBeCloseTo(1, 9);
  });

  it('trains quickly and classifies in well under a millisecond', () => {
    const model = emotionModel();
    expect(model.trainMs).toBeLessThan(1000); // ~50 ms alone; generous for a busy CI machine
    const started = performance.now();
    for (let i = 0; i < 200; i++) classifyEmotion(`第${i}次问了，怎么还没到账`);
    expect((performance.now() - started) / 200).toBeLessThan(1);
  });
});

function isNegative(r: ReturnType<typeof classifyEmotion>): boolean {
  return r.label !== 'neutral' && r.label !== 'positive';
}

describe('negativeWeight and accumulate', () => {
  it('weighs a clearly angry message near 1 and a calm one near 0', () => {
    expect(negativeWeight(classifyEmotion('气死了，什么垃圾快递，我要投诉到底！'))).toBeGreaterThan(
      0.8,
    );
    expect(negativeWeight(classifyEmotion('谢谢，收到了'))).toBeLessThan(0.1);
    expect(negativeWeight(classifyEmotion(''))).toBe(0);
  });

  it('weighs anger and disgust above anxiety at equal certainty', () => {
    const only = (e: Emotion) => ({
      label: e,
      scores: Object.fromEntries(EMOTIONS.map((x) => [x, x === e ? 1 : 0])) as Record<
        Emotion,
        number
      >,
    });
    expect(negativeWeight(only('anger'))).toBe(1);
    expect(negativeWeight(only('disgust'))).toBeGreaterThan(negativeWeight(only('anxiety')));
    expect(negativeWeight(only('anger'))).toBeGreaterThan(negativeWeight(only('anxiety')));
    expect(negativeWeight(only('neutral'))).toBe(0);
    expect(negativeWeight(only('positive'))).toBe(0);
  });

  it('stays in 0..1 for any scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 7, maxLength: 7 }),
        (xs) => {
          const total = xs.reduce((a, b) => a + b, 0) || 1;
          const scores = Object.fromEntries(EMOTIONS.map((e, i) => [e, xs[i]! / total]));
          const w = negativeWeight({ label: 'neutral', scores: scores as Record<Emotion, number> });
          expect(w).toBeGreaterThanOrEqual(0);
          expect(w).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it('decays: 0.7 of the previous level plus the new weight', () => {
    expect(accumulate(0, 1)).toBe(1);
    expect(accumulate(1, 0)).toBeCloseTo(0.7, 12);
    expect(accumulate(1, 1)).toBeCloseTo(1.7, 12);
    expect(accumulate(Number.NaN, 0.5)).toBe(0.5);
    let level = 2;
    for (let i = 0; i < 10; i++) level = accumulate(level, 0);
    expect(level).toBeLessThan(0.1);
  });

  it('hands off on the second angry message, not on one outburst or on calm chatter', () => {
    const run = (texts: string[]) =>
      texts.reduce((level, t) => accumulate(level, negativeWeight(classifyEmotion(t))), 0);
    expect(run(['气死了，快递又丢了'])).toBeLessThan(HANDOFF_THRESHOLD);
    expect(run(['气死了，快递又丢了', '什么破服务，你们到底管不管！'])).toBeGreaterThanOrEqual(
      HANDOFF_THRESHOLD,
    );
    expect(
      run(['你好', '帮我查一下快递', '单号是SF123456', '好的', '那我再等等', '谢谢']),
    ).toBeLessThan(HANDOFF_THRESHOLD / 2);
  });
});

describe('pickScript', () => {
  it('has at least 4 zh-CN and 2 en scripts for each negative label and positive', () => {
    for (const e of EMOTIONS.filter((x) => x !== 'neutral')) {
      const of = (locale: string) =>
        DEFAULT_SCRIPTS.filter((s) => s.emotion === e && s.locale === locale);
      expect(of('zh-CN').length).toBeGreaterThanOrEqual(4);
      expect(of('en').length).toBeGreaterThanOrEqual(2);
    }
    expect(new Set(DEFAULT_SCRIPTS.map((s) => s.id)).size).toBe(DEFAULT_SCRIPTS.length);
  });

  it('is deterministic, respects locale and varies from one turn to the next', () => {
    const a = pickScript(DEFAULT_SCRIPTS, 'anger', 'zh-CN', 3);
    expect(pickScript(DEFAULT_SCRIPTS, 'anger', 'zh-CN', 3)).toBe(a);
    expect(a?.emotion).toBe('anger');
    expect(a?.locale).toBe('zh-CN');
    expect(pickScript(DEFAULT_SCRIPTS, 'anger', 'zh-CN', 4)?.id).not.toBe(a?.id);
    for (let turn = 0; turn < 10; turn++) {
      const s = pickScript(DEFAULT_SCRIPTS, 'anxiety', 'en', turn);
      expect(s?.locale).toBe('en');
      expect(s?.emotion).toBe('anxiety');
      expect(s?.id).not.toBe(pickScript(DEFAULT_SCRIPTS, 'anxiety', 'en', turn + 1)?.id);
    }
  });

  it('handles odd seeds and an empty or foreign-language library', () => {
    expect(pickScript(DEFAULT_SCRIPTS, 'fear', 'zh-CN', -1)?.emotion).toBe('fear');
    expect(pickScript(DEFAULT_SCRIPTS, 'fear', 'zh-CN', Number.NaN)?.emotion).toBe('fear');
    expect(pickScript(DEFAULT_SCRIPTS, 'neutral', 'zh-CN', 1)).toBeNull();
    expect(pickScript([], 'anger', 'zh-CN', 1)).toBeNull();
    const zhOnly = DEFAULT_SCRIPTS.filter((s) => s.locale === 'zh-CN');
    expect(pickScript(zhOnly, 'anger', 'en', 1)).toBeNull();
  });
});

describe('the training and evaluation data', () => {
  const evaluation = JSON.parse(
    readFileSync(new URL('../../bench/data/assistant/emotion.json', import.meta.url), 'utf8'),
  ) as { cases: { text: string; emotion: Emotion }[] };

  it('has at least 120 training texts per label and 1,000 in all', () => {
    expect(EMOTION_TRAINING.length).toBeGreaterThanOrEqual(1000);
    for (const e of EMOTIONS) {
      expect(EMOTION_TRAINING.filter((t) => t.emotion === e).length).toBeGreaterThanOrEqual(120);
    }
  });

  it('has at least 350 evaluation cases, 40 per label, with valid labels', () => {
    expect(evaluation.cases.length).toBeGreaterThanOrEqual(350);
    for (const e of EMOTIONS) {
      expect(evaluation.cases.filter((c) => c.emotion === e).length).toBeGreaterThanOrEqual(40);
    }
    for (const c of evaluation.cases) expect(EMOTIONS).toContain(c.emotion);
  });

  it('shares no text between training and evaluation, nor repeats one', () => {
    const key = (t: string) => t.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
    const training = new Set(EMOTION_TRAINING.map((t) => key(t.text)));
    expect(training.size).toBe(EMOTION_TRAINING.length);
    expect(evaluation.cases.filter((c) => training.has(key(c.text))).map((c) => c.text)).toEqual(
      [],
    );
    expect(new Set(evaluation.cases.map((c) => key(c.text))).size).toBe(evaluation.cases.length);
  });
});
