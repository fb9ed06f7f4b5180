// What a message asks for before it goes to the knowledge base: the phrasings people use for a
// person, progress, a press and filing, and the ones that must stay questions.
import { describe, expect, it } from 'vitest';
import { detectIntent, findNumber } from '../../src/modules/assistant/intents.js';

const N = 'TS20251009-000123-7';

describe('detectIntent', () => {
  it.each([
    '转人工',
    '人工',
    '我要转人工',
    '找人工客服',
    '给我接真人客服',
    '不要机器人了',
    '人工服务',
    'talk to a human',
  ])('%s asks for a person', (text) => expect(detectIntent(text)).toEqual({ kind: 'handoff' }));

  it.each([
    [`查询投诉进度 ${N}`, N],
    [`我的投诉 ${N.toLowerCase()} 处理到哪一步了`, N],
    [N, N],
    ['查一下我的投诉进度', null],
  ])('%s asks for progress', (text, number) =>
    expect(detectIntent(text)).toEqual({ kind: 'progress', number }),
  );

  it('人工服务 with a number presses it; 催办 without one asks for it', () => {
    expect(detectIntent(`人工服务 ${N}`)).toEqual({ kind: 'press', number: N });
    expect(detectIntent(`帮我催办一下 ${N}`)).toEqual({ kind: 'press', number: N });
    expect(detectIntent('帮我催办一下')).toEqual({ kind: 'press', number: null });
  });

  it('我要投诉 starts filing and keeps what follows as the description', () => {
    expect(detectIntent('我要投诉')).toEqual({ kind: 'file', rest: '' });
    expect(detectIntent('我要投诉，快递丢了')).toEqual({ kind: 'file', rest: '快递丢了' });
    expect(detectIntent('I want to file a complaint')).toMatchObject({ kind: 'file' });
  });

  it('questions about complaints stay questions for the knowledge base', () => {
    expect(detectIntent('怎么投诉商家')).toBeNull();
    expect(detectIntent('投诉一般多久处理完')).toBeNull();
    expect(detectIntent('退款多久到账')).toBeNull();
    expect(detectIntent('客服电话是多少')).toBeNull();
  });

  it('取消 stops; words merely containing it do not', () => {
    expect(detectIntent('取消')).toEqual({ kind: 'cancel' });
    expect(detectIntent('怎么取消自动续费')).toBeNull();
  });
});

describe('findNumber', () => {
  it('reads a number typed loosely', () => {
    expect(findNumber('ts 20251009 000123 7')).toBe(N);
    expect(findNumber('编号ＴＳ20251009-000123-7')).toBe(N);
    expect(findNumber('TS2025')).toBeNull();
  });
});
