// Small labels the assistant's pages share: an emotion (coloured by how urgent it feels), a
// handoff reason, a match's confidence.
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Emotion, HandoffReason } from './api';

export const EMOTION_COLOUR: Record<Emotion, string> = {
  anger: 'red',
  anxiety: 'orange',
  fear: 'volcano',
  sadness: 'purple',
  disgust: 'magenta',
  positive: 'green',
  neutral: 'default',
};

/** The same colours as plain CSS, for bars. */
export const EMOTION_HEX: Record<Emotion, string> = {
  anger: '#cf1322',
  anxiety: '#fa8c16',
  fear: '#d4380d',
  sadness: '#722ed1',
  disgust: '#c41d7f',
  positive: '#52c41a',
  neutral: '#8c8c8c',
};

export function EmotionTag({ label, score }: { label: Emotion; score?: number }) {
  const { t } = useTranslation();
  return (
    <Tag color={EMOTION_COLOUR[label]} data-testid="emotion-tag" data-emotion={label}>
      {t(`assistant.emotion.${label}`)}
      {score !== undefined && label !== 'neutral' && ` ${Math.round(score * 100)}%`}
    </Tag>
  );
}

const REASON_COLOUR: Record<HandoffReason, string> = {
  unresolved: 'gold',
  request: 'blue',
  emotion: 'red',
};

export function ReasonTag({ reason }: { reason: HandoffReason }) {
  const { t } = useTranslation();
  return (
    <Tag color={REASON_COLOUR[reason]} bordered={false} data-testid="reason-tag">
      {t(`assistant.reason.${reason}`)}
    </Tag>
  );
}

export function ConfidenceTag({ entryId, confidence }: { entryId: string; confidence: number }) {
  const { t } = useTranslation();
  const pct = Math.round(confidence * 100);
  return (
    <Tag
      color={pct >= 70 ? 'green' : pct >= 40 ? 'gold' : 'default'}
      bordered={false}
      data-testid="match-tag"
    >
      {t('assistant.console.match', { id: entryId, pct })}
    </Tag>
  );
}

/** "2 分 05 秒" / "2 min 05 s" since `iso`, for a waiting conversation. */
export function useWaited(): (iso: string | null, now: number) => string {
  const { t } = useTranslation();
  return (iso, now) => {
    if (!iso) return '';
    const seconds = Math.max(0, Math.floor((now - new Date(iso).getTime()) / 1000));
    const min = Math.floor(seconds / 60);
    const sec = String(seconds % 60).padStart(2, '0');
    if (min >= 60)
      return t('assistant.console.waitedHours', { h: Math.floor(min / 60), m: min % 60 });
    return t('assistant.console.waited', { m: min, s: sec });
  };
}
