import type { Db } from '../../server/db/client.js';

export interface CatalogDeps {
  db: Db;
}
