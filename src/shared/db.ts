/** Which PostgreSQL Redress runs on: its own bundled one, or the one DATABASE_URL names. */
export type DbKind = 'embedded' | 'external';
