import type { DbKind } from './db.js';

export interface SystemInfo {
  version: string;
  db: DbKind;
  startedAt: string;
  counts: { users: number; categories: number; problemTypes: number };
}
