// The trained matcher of this process. It is rebuilt when the KB revision in the database moves
// past the one it was trained on (any process's write bumps it), so an import reaches every API
// process on its next message, without a restart. One training at a time; callers share it.
import type { Db } from '../../server/db/client.js';
import { allEntries, kbRevisionOf } from './kb.js';
import { trainMatcher } from './nlp/matcher.js';
import type { KbEntry, Matcher } from './nlp/types.js';

export interface Trained {
  matcher: Matcher;
  revision: number;
  entries: Map<string, KbEntry>;
  trainedMs: number;
}

export class AssistantEngine {
  private current: Trained | null = null;
  private training: Promise<Trained> | null = null;

  constructor(private readonly db: Db) {}

  /** The matcher for the KB as it is now in the database (retraining first if it moved on). */
  async fresh(): Promise<Trained> {
    const revision = await kbRevisionOf(this.db);
    if (this.current && this.current.revision >= revision) return this.current;
    return this.retrain();
  }

  /** Trains from the database now (after an import, so the answer can say how long it took). */
  retrain(): Promise<Trained> {
    this.training ??= this.train().finally(() => {
      this.training = null;
    });
    return this.training;
  }

  private async train(): Promise<Trained> {
    // Read the revision first: a write landing during training leaves us behind, not ahead.
    const revision = await kbRevisionOf(this.db);
    const entries = await allEntries(this.db);
    const started = performance.now();
    const matcher = trainMatcher(entries);
    const trainedMs = Math.round(performance.now() - started);
    const trained: Trained = {
      matcher,
      revision,
      entries: new Map(entries.map((e) => [e.id, e])),
      trainedMs,
    };
    if (!this.current || this.current.revision <= revision) this.current = trained;
    return trained;
  }
}
