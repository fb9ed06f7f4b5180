// The `redress` command line: config → database → buildApp → listen / run. Every command reads
// the same configuration and works whether or not a server is running (they share the bundled
// PostgreSQL through the data dir).
import { Command, InvalidArgumentError, Option } from 'commander';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config, type LogLevel } from './config.js';
import { openDatabase, runMigrations, type Database } from './db/client.js';
import { formatCredentials, saveCredentials, seedDemoData } from './db/seed/index.js';
import { buildJobRegistry, Worker } from './jobs/index.js';
import { buildChannels } from '../modules/notifications/index.js';
import { systemClock } from './lib/clock.js';
import { AppError } from './lib/errors.js';
import { createLogger, loggerOptions, type Logger } from './lib/logger.js';
import { VERSION } from './lib/version.js';
import pino from 'pino';
import { createApiToken, createUser, findMerchantByName } from '../modules/accounts/index.js';
import { assignWaiting } from '../modules/routing/index.js';
import { STAFF_ROLES, ROLES, type Role, type StaffRole } from '../shared/roles.js';
import { errorMessage, fieldReasonMessage, type FieldReason } from '../shared/errors.js';
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { Presets, SingleBar } from 'cli-progress';
import {
  exportEntries,
  importEntries,
  parseKbFile,
  trainMatcher,
} from '../modules/assistant/index.js';

function makeLogger(config: Config, oneShot: boolean): Logger {
  // One-shot commands keep their output to what the person asked for.
  const level: LogLevel = oneShot && config.logLevel === 'info' ? 'warn' : config.logLevel;
  const pretty = process.stdout.isTTY && config.nodeEnv !== 'production';
  if (pretty) {
    try {
      return pino(loggerOptions(level, true));
    } catch {
      // pino-pretty is a development dependency; fall through to JSON logs.
    }
  }
  return createLogger(level);
}

interface Runtime {
  config: Config;
  logger: Logger;
  database: Database;
}

async function open(oneShot: boolean): Promise<Runtime> {
  const config = loadConfig();
  const logger = makeLogger(config, oneShot);
  const database = await openDatabase(config, logger);
  try {
    await runMigrations(database.pool, logger);
  } catch (err) {
    await database.close();
    throw err;
  }
  return { config, logger, database };
}

/** Runs a one-shot command and always detaches from the database afterwards. */
async function oneShot(fn: (rt: Runtime) => Promise<void>) {
  const rt = await open(true);
  try {
    await fn(rt);
  } finally {
    await rt.database.close();
  }
}

function onShutdown(logger: Logger, stop: () => Promise<void>) {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => {
      logger.error('shutdown took over 20 s; exiting');
      process.exit(1);
    }, 20_000);
    force.unref();
    stop()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        logger.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  process.on('SIGINT', () => handler('SIGINT'));
  process.on('SIGTERM', () => handler('SIGTERM'));
}

async function serve(opts: { worker: boolean }) {
  const rt = await open(false);
  const { config, logger, database } = rt;
  let worker: Worker | null = null;
  try {
    const seeded = await seedDemoData({
      db: database.db,
      pool: database.pool,
      logger,
      clock: systemClock,
      password: config.demoPassword,
    });
    const app = await buildApp({ config, database, logger });
    if (opts.worker && config.inProcessWorker) {
      worker = new Worker({
        pool: database.pool,
        registry: buildJobRegistry({
          db: database.db,
          pool: database.pool,
          clock: systemClock,
          notifications: {
            channels: buildChannels(config, logger),
            publicUrl: config.publicUrl,
            log: logger,
          },
        }),
        logger,
        clock: systemClock,
      });
      await worker.start();
    }
    onShutdown(logger, async () => {
      await app.close();
      await worker?.stop();
      await database.close();
      logger.info('stopped');
    });
    const address = await app.listen({ port: config.port, host: config.host });
    const local = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    const credentials = formatCredentials(seeded);
    const credentialsFile = credentials ? saveCredentials(config.dataDir, credentials) : null;
    console.log(
      [
        '',
        `Redress ${VERSION} is running (投诉受理与客服平台)`,
        `  Portal (complainants):  ${local}/`,
        `  Console (staff):        ${local}/console`,
        `  API docs:               ${local}/api/docs`,
        `  Database:               ${database.describe}`,
        credentials ? `\n${credentials}\n  (also saved to ${credentialsFile})` : '',
        '',
      ].join('\n'),
    );
  } catch (err) {
    await worker?.stop();
    await database.close();
    throw err;
  }
}

async function runWorker() {
  const rt = await open(false);
  const { config, logger, database } = rt;
  const worker = new Worker({
    pool: database.pool,
    registry: buildJobRegistry({
      db: database.db,
      pool: database.pool,
      clock: systemClock,
      notifications: {
        channels: buildChannels(config, logger),
        publicUrl: config.publicUrl,
        log: logger,
      },
    }),
    logger,
    clock: systemClock,
  });
  onShutdown(logger, async () => {
    await worker.stop();
    await database.close();
  });
  await worker.start();
}

function parseRole<T extends string>(allowed: readonly T[]) {
  return (value: string): T => {
    if (!(allowed as readonly string[]).includes(value)) {
      throw new InvalidArgumentError(`expected one of: ${allowed.join(', ')}`);
    }
    return value as T;
  };
}

export function buildCli(): Command {
  const program = new Command('redress')
    .description('Redress — complaint handling and customer service (投诉受理与客服平台)')
    .version(VERSION);

  program
    .command('serve', { isDefault: true })
    .description('run the web app and API (and the background worker, unless --no-worker)')
    .option('--no-worker', 'leave background jobs to separate `redress worker` processes')
    .action((o: { worker: boolean }) => serve(o));

  program
    .command('worker')
    .description('run background jobs only')
    .action(() => runWorker());

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(() => oneShot(async () => console.log('Database schema is up to date.')));

  program
    .command('seed')
    .description('add the default catalogue and demo accounts that are missing')
    .action(() =>
      oneShot(async ({ config, logger, database }) => {
        const r = await seedDemoData({
          db: database.db,
          pool: database.pool,
          logger,
          clock: systemClock,
          password: config.demoPassword,
          force: true,
        });
        console.log(
          `Catalogue entries added: ${r.catalogEntriesAdded}; accounts created: ${r.accountsCreated.length}`,
        );
        const creds = formatCredentials(r);
        if (creds)
          console.log(`${creds}\n  (also saved to ${saveCredentials(config.dataDir, creds)})`);
      }),
    );

  program
    .command('assign')
    .description(
      'assign waiting complaints to available team members once and print {"assigned","waiting"}',
    )
    .action(() =>
      oneShot(async ({ database }) => {
        // Safe next to running servers and other `redress assign` processes (docs/ROUTING.md).
        const run = await assignWaiting({ db: database.db, clock: systemClock });
        console.log(JSON.stringify(run));
      }),
    );

  const user = program.command('user').description('manage accounts');
  user
    .command('create')
    .description(
      'create an account (staff get a password; complainants log in with a one-time code)',
    )
    .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, parseRole(ROLES))
    .requiredOption('--name <name>', 'display name')
    .option('--email <email>', 'login email (required for staff)')
    .option('--phone <phone>', 'mainland mobile number')
    .option('--password <password>', 'at least 10 characters; generated and printed when omitted')
    .addOption(new Option('--merchant <name>', 'merchant name (required for --role merchant)'))
    .action(
      (o: {
        role: Role;
        name: string;
        email?: string;
        phone?: string;
        password?: string;
        merchant?: string;
      }) =>
        oneShot(async ({ database }) => {
          const generated = o.role !== 'complainant' && !o.password;
          const password = o.password ?? (generated ? randomBytes(12).toString('base64url') : null);
          let merchantId: string | null = null;
          if (o.merchant) {
            const m = await findMerchantByName(database.db, o.merchant);
            if (!m) throw new CliError(`no merchant named "${o.merchant}"`);
            merchantId = m.id;
          }
          const u = await createUser(
            { role: o.role, name: o.name, email: o.email, phone: o.phone, password, merchantId },
            { db: database.db, clock: systemClock },
          );
          console.log(`Created ${u.role} ${u.email ?? u.phone} (id ${u.id})`);
          if (generated) console.log(`Password: ${password}`);
        }),
    );

  const kb = program.command('kb').description('the assistant\u2019s knowledge base');
  kb.command('import')
    .description(
      'import a KB file ({"mode","entries":[…]}, as POST /api/v1/assistant/kb/import takes); all or nothing',
    )
    .argument('<file>', 'JSON file')
    .addOption(
      new Option('--mode <mode>', 'override the file\u2019s mode').choices(['merge', 'replace']),
    )
    .action((file: string, o: { mode?: 'merge' | 'replace' }) =>
      oneShot(async ({ database }) => {
        let json: unknown;
        try {
          json = JSON.parse(await readFile(file, 'utf8'));
        } catch (err) {
          throw new CliError(`cannot read ${file} as JSON: ${(err as Error).message}`);
        }
        const { mode, entries } = parseKbFile(json, o.mode);
        const bar = new SingleBar(
          {
            format: '{phase} [{bar}] {value}/{total}',
            stream: process.stderr,
            hideCursor: true,
            // Also when piped or logged (CI): a line every second and one at the end.
            noTTYOutput: true,
            notTTYSchedule: 1000,
          },
          Presets.shades_classic,
        );
        bar.start(entries.length, 0, { phase: 'importing' });
        const result = await importEntries(
          database.db,
          mode,
          entries,
          { id: null, name: 'redress kb import' },
          systemClock.now(),
          (done) => bar.update(done),
        );
        bar.update(entries.length, { phase: 'training ' });
        const started = performance.now();
        const all = await exportEntries(database.db);
        trainMatcher(all.entries);
        bar.stop();
        const ms = Math.round(performance.now() - started);
        console.log(
          `Imported (${mode}): ${result.created} created, ${result.updated} updated, ${result.removed} removed, ${result.unchanged} unchanged; ${result.total} entries now. Trained in ${ms} ms; running servers retrain on their next message.`,
        );
      }),
    );
  kb.command('export')
    .description('write the knowledge base as JSON (the import format) to a file or stdout')
    .argument('[file]', 'output file (default: stdout)')
    .action((file: string | undefined) =>
      oneShot(async ({ database }) => {
        const data = `${JSON.stringify({ mode: 'replace', ...(await exportEntries(database.db)) }, null, 2)}\n`;
        if (file) await writeFile(file, data);
        else process.stdout.write(data);
      }),
    );

  const token = program.command('token').description('manage API tokens for integrations');
  token
    .command('create')
    .description('create a bearer token; it is printed once and stored only as a hash')
    .requiredOption('--role <role>', `one of ${STAFF_ROLES.join(', ')}`, parseRole(STAFF_ROLES))
    .requiredOption('--name <name>', 'what the token is for, e.g. ci')
    .action((o: { role: StaffRole; name: string }) =>
      oneShot(async ({ database }) => {
        const { token: plain } = await createApiToken(
          { name: o.name, role: o.role, createdBy: null },
          { db: database.db, clock: systemClock },
        );
        console.log(plain);
      }),
    );

  return program;
}

class CliError extends Error {}

/** Explains an error to a person at a terminal, in Chinese and English, without a stack trace. */
function explain(err: unknown): string {
  if (err instanceof ConfigError) return err.message;
  if (err instanceof CliError) return `Error: ${err.message}`;
  if (err instanceof AppError) {
    const fields = Object.entries(err.fields ?? {})
      .map(
        ([k, v]) =>
          `  ${k}: ${fieldReasonMessage(v.reason as FieldReason, 'en', v.params)} / ${fieldReasonMessage(v.reason as FieldReason, 'zh-CN', v.params)}`,
      )
      .join('\n');
    return `Error: ${errorMessage(err.code, 'en')} (${errorMessage(err.code, 'zh-CN')})${fields ? `\n${fields}` : ''}`;
  }
  return `Error: ${err instanceof Error ? err.message : String(err)}`;
}

export async function main(argv: string[]) {
  try {
    await buildCli().parseAsync(argv);
  } catch (err) {
    console.error(explain(err));
    process.exitCode = 1;
  }
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  await main(process.argv);
}
