import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new SQL migration from src/server/db/schema.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: [
    './src/server/db/schema.ts',
    './src/server/db/schema-sla.ts',
    './src/server/db/schema-notifications.ts',
    './src/server/db/schema-assistant.ts',
  ],
  out: './src/server/db/migrations',
});
