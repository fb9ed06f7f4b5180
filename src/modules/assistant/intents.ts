// What a message asks for before it is a question for the knowledge base: a person (转人工), a
// complaint's progress, a press (催办), filing a complaint, or stopping what is in progress.
// Pure, so the phrasings people use are unit-tested.
import { normalise } from './nlp/normalise.js';

export type Intent =
  | { kind: 'handoff' }
  | { kind: 'progress'; number: string | null }
  | { kind: 'press'; number: string | null }
  | { kind: 'file'; rest: string }
  | { kind: 'cancel' }
  | null;

/** A complaint number as printed (TS20251011-000123-7), tolerant of case and spacing. */
const NUMBER_RE = /ts\s*(\d{8})\s*-?\s*(\d{6})\s*-?\s*([0-9x])/i;

export function findNumber(text: string): string | null {
  const m = NUMBER_RE.exec(text.normalize('NFKC'));
  return m ? `TS${m[1]}-${m[2]}-${m[3]!.toUpperCase()}` : null;
}

// 转人工 and the ways people say it: 人工, 找人工, 真人, 人工客服, 叫客服, 我要客服 ….
const HANDOFF_RE =
  /(转|找|要|接|叫|换|请|联系)(个)?(人工|真人|活人|客服人员|人工客服)|人工客服|真人客服|^(人工|客服|人工服务|人工台)$|不要机器人|别用机器人|不想和机器人|human|real person|talk to (an? )?(agent|person|human)|live agent/;
const PRESS_RE = /人工服务|催办|催一下|催促|催一催|加急处理|hurry|press/;
const PROGRESS_RE =
  /进度|进展|处理到哪|处理得怎么样|到哪一步|处理结果出来|progress|status of my complaint/;
const FILE_RE =
  /^(我)?(要|想|需要)(投诉|举报|提交投诉)|我(要|想)投诉|帮我(投诉|提交投诉)|(提交|发起)(一个)?投诉$|file a complaint|i want to (file a )?complain|make a complaint/;
const CANCEL_RE = /^(取消|算了|不投诉了|不用了|退出|不弄了|cancel|stop|never ?mind)$/;

export function detectIntent(raw: string): Intent {
  const text = normalise(raw).replace(/\s+/g, '');
  const spaced = normalise(raw);
  const number = findNumber(raw);
  if (CANCEL_RE.test(text) || CANCEL_RE.test(spaced)) return { kind: 'cancel' };
  // "人工服务 TS…" presses that complaint (SPEC); 人工服务 alone asks for a person.
  if (PRESS_RE.test(text) && (number || /催/.test(text))) return { kind: 'press', number };
  if (HANDOFF_RE.test(text) || HANDOFF_RE.test(spaced)) return { kind: 'handoff' };
  if (PROGRESS_RE.test(text) && (number || /投诉|complaint/.test(spaced)))
    return { kind: 'progress', number };
  if (number && text.replace(NUMBER_RE, '').length <= 6) return { kind: 'progress', number };
  if (FILE_RE.test(text) || FILE_RE.test(spaced)) {
    const rest = raw
      .replace(
        /我?(要|想|需要)?(投诉|举报)(一下)?|帮我|file a complaint|i want to (file a )?complain/gi,
        '',
      )
      .replace(/^[\s,，。:：!！]+/, '')
      .trim();
    return { kind: 'file', rest };
  }
  return null;
}
