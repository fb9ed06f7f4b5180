// The demo knowledge base and the default soothing scripts, loaded once per database (also into
// databases seeded before the assistant existed). An admin who later empties the KB is not
// refilled: the meta key remembers the first load.
import { count, eq } from 'drizzle-orm';
import type { Db } from '../../server/db/client.js';
import { assistantScripts, meta } from '../../server/db/schema.js';
import { DEFAULT_KB } from './data/default-kb.js';
import { DEFAULT_SCRIPTS } from './data/default-scripts.js';
import { importEntries } from './kb.js';

const SEED_KEY = 'assistant_seeded_at';

export async function seedAssistant(db: Db, now: Date): Promise<{ entries: number } | null> {
  const [done] = await db.select().from(meta).where(eq(meta.key, SEED_KEY));
  if (done) return null;
  const result = await importEntries(
    db,
    'merge',
    DEFAULT_KB.map((e) => ({ ...e, similar: [...e.similar] })),
    { id: null, name: '系统' },
    now,
  );
  const [scripts] = await db.select({ n: count() }).from(assistantScripts);
  if ((scripts?.n ?? 0) === 0) {
    await db
      .insert(assistantScripts)
      .values(DEFAULT_SCRIPTS.map((s, i) => ({ ...s, sortOrder: i })))
      .onConflictDoNothing();
  }
  await db.insert(meta).values({ key: SEED_KEY, value: now.toISOString() }).onConflictDoNothing();
  return { entries: result.created };
}
