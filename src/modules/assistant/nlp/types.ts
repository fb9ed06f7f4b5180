// The contracts of the assistant's language core (pure: no I/O, no database). The module's
// server side trains a Matcher from the knowledge base and asks it and the emotion classifier
// about each message; the benchmark does the same from files.

/** A knowledge-base entry as the matcher sees it (answer text is not used for matching). */
export interface KbEntry {
  id: string;
  category: string;
  question: string;
  similar: readonly string[];
  answer: string;
  enabled: boolean;
}

export interface Candidate {
  entryId: string;
  /** The entry's standard question, to offer in a clarifying question. */
  question: string;
  /** Calibrated: about the probability that this entry is the right answer. */
  confidence: number;
}

export type MatchDecision = 'answer' | 'clarify' | 'none';

export interface MatchOutcome {
  /** answer: best is confident; clarify: offer `candidates`; none: nothing close enough. */
  decision: MatchDecision;
  best: Candidate | null;
  /** Top candidates, best first (at most 3), also when the decision is none. */
  candidates: Candidate[];
  /** True when the answer came from reading the text together with the previous topic. */
  usedContext: boolean;
}

export interface MatchContext {
  /** The entry the conversation was last answered with (follow-ups like "那要多久？"). */
  topicEntryId?: string | null;
  /** The person's recent messages, oldest first (up to 10 turns). */
  recentTexts?: readonly string[];
}

export interface Matcher {
  readonly size: number;
  match(text: string, context?: MatchContext): MatchOutcome;
}

export const EMOTIONS = [
  'neutral',
  'positive',
  'anger',
  'anxiety',
  'sadness',
  'fear',
  'disgust',
] as const;
export type Emotion = (typeof EMOTIONS)[number];

export interface EmotionResult {
  label: Emotion;
  /** One score per label, summing to 1. */
  scores: Record<Emotion, number>;
}

/** The negative labels: they accumulate over a conversation towards a handoff. */
export const NEGATIVE_EMOTIONS: readonly Emotion[] = [
  'anger',
  'anxiety',
  'sadness',
  'fear',
  'disgust',
];
