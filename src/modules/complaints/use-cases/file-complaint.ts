import { createHash } from 'node:crypto';
import { AppError, fieldError } from '../../../server/lib/errors.js';
import type { Principal } from '../../../server/plugins/auth.js';
import { SYSTEM_TAGS } from '../../../shared/cases.js';
import type { Channel, FilingResult } from '../../../shared/complaints.js';
import type { Locale } from '../../../shared/errors.js';
import type { Tx } from '../../../server/db/client.js';
import {
  findOrCreateComplainant,
  normaliseEmail,
  normalisePhone,
  type UserRow,
} from '../../accounts/index.js';
import { findProblemType } from '../../catalog/index.js';
import { actorOf, SYSTEM_ACTOR, type Actor } from '../actor.js';
import type { ComplaintsDeps } from '../deps.js';
import { checkFields } from '../field-rules.js';
import { chinaDate, chinaDay, formatComplaintNumber } from '../numbers.js';
import { findComplaintById, findIdempotencyKey, insertIdempotencyKey } from '../repository.js';
import type { FileBody } from '../schema.js';
import { applyTransition } from '../transition.js';
import { loadDetail } from './load-complaint.js';
import { checkFilingLimits, filingFlags } from './filing-limits.js';
import { linkRepeatFiling } from './link-repeat-filing.js';
import { appendEvent, insertComplaint, nextDailySequence, teamForType } from '../repository.js';

const SELF_CHANNELS: readonly Channel[] = ['web', 'assistant', 'wechat'];

export interface FileOptions {
  principal: Principal;
  body: FileBody;
  idempotencyKey: string | null;
  ip: string | null;
  locale: Locale;
}

interface Person {
  name: string;
  phone: string | null;
  email: string | null;
}

/** Who the complaint is for, and on which channel, from who is filing. */
function whoAndChannel(actor: Actor, body: FileBody): { person: Person; channel: Channel } {
  if (actor.kind === 'complainant' && actor.user) {
    const self = actor.user;
    if (body.complainant) throw fieldError('complainant', 'staff_only');
    const channel = body.channel ?? 'web';
    if (!SELF_CHANNELS.includes(channel)) throw fieldError('channel', 'invalid_value');
    const person: Person = {
      name: body.contactName?.trim() || self.name,
      phone: self.phone,
      email: self.email,
    };
    return { person, channel };
  }
  const c = body.complainant;
  if (!c) throw fieldError('complainant', 'required');
  if (!c.phone && !c.email) throw fieldError('complainant', 'contact_required');
  const phone = c.phone ? normalisePhone(c.phone) : null;
  if (c.phone && !phone) throw fieldError('complainant.phone', 'invalid_phone');
  const email = c.email ? normaliseEmail(c.email) : null;
  if (c.email && !email) throw fieldError('complainant.email', 'invalid_email');
  const channel = body.channel ?? (actor.kind === 'token' ? 'api' : 'phone');
  return { person: { name: c.name.trim(), phone, email }, channel };
}

function requestHash(body: FileBody): string {
  const canonical = (v: unknown): unknown =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([k, x]) => [k, canonical(x)]),
        )
      : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(body)))
    .digest('hex');
}

/** Another request with the same Idempotency-Key committed while this one ran. */
class KeyRace extends Error {}

/**
 * Files a complaint: checks the type's rules, links a repeat filing to the open complaint instead
 * of creating a second one, numbers and accepts it, and writes the timeline — all in one
 * transaction, so an acknowledged complaint is complete or absent.
 */
export async function fileComplaint(
  deps: ComplaintsDeps,
  opts: FileOptions,
): Promise<{ status: 200 | 201; result: FilingResult; replayed?: boolean }> {
  const { db, clock } = deps;
  const actor = await actorOf(db, opts.principal);
  const self = actor.kind === 'complainant' ? actor.user : null;
  const { person, channel } = whoAndChannel(actor, opts.body);

  const found = await findProblemType(db, opts.body.type);
  if (!found) throw fieldError('type', 'unknown_type');
  if (!found.category.accepted) {
    throw new AppError(
      'category_not_accepted',
      undefined,
      undefined,
      found.category.refusalGuidance ?? undefined,
    );
  }
  if (!found.enabled) throw fieldError('type', 'type_disabled');
  const description = opts.body.description.trim();
  if (!description) throw fieldError('description', 'required');
  const demand = opts.body.demand.trim();
  if (!demand) throw fieldError('demand', 'required');
  const now = clock.now();
  const checked = checkFields(found.type.requiredFields, opts.body.fields ?? {}, chinaDate(now));
  if (!checked.ok) throw new AppError('validation_failed', checked.problems);

  const scope = actor.key ?? 'system';
  const hash = requestHash(opts.body);
  const replay = async () => {
    const key = await findIdempotencyKey(db, scope, opts.idempotencyKey!);
    if (!key) return null;
    if (key.requestHash !== hash) throw new AppError('idempotency_key_reused');
    const row = await findComplaintById(db, key.complaintId);
    const viewer =
      actor.kind === 'complainant'
        ? { kind: 'owner' as const, actor }
        : { kind: 'staff' as const, actor };
    const complaint = await loadDetail(deps, row!, viewer, opts.locale);
    return {
      status: key.status as 200 | 201,
      result: { complaint, linkedToExisting: key.status === 200, notice: null },
      replayed: true,
    };
  };
  if (opts.idempotencyKey) {
    const earlier = await replay();
    if (earlier) return earlier;
  }

  let outcome: { id: string; linked: boolean };
  try {
    outcome = await db.transaction(async (tx) => {
      const complainant = self ?? (await findOrCreateComplainant(tx, person, 'complainant'));
      await checkFilingLimits(tx, deps.config, {
        complainantId: complainant.id,
        ip: actor.kind === 'complainant' ? opts.ip : null,
        now,
      });
      const linked = await linkRepeatFiling(tx, {
        complainantId: complainant.id,
        typeCode: found.type.code,
        description,
        fields: checked.values,
        identifying: found.type.requiredFields,
        actor,
        channel,
        now,
      });
      const id =
        linked ??
        (await createAccepted(tx, {
          complainant,
          person,
          channel,
          actor,
          now,
          description,
          demand,
          fields: checked.values,
          found,
          ip: opts.ip,
          language: opts.body.language ?? (opts.locale === 'en' ? 'en' : 'zh'),
        }));
      if (opts.idempotencyKey) {
        const fresh = await insertIdempotencyKey(tx, {
          scope,
          key: opts.idempotencyKey,
          requestHash: hash,
          status: linked ? 200 : 201,
          complaintId: id,
          createdAt: now,
        });
        if (!fresh) throw new KeyRace();
      }
      return { id, linked: linked !== null };
    });
  } catch (err) {
    if (err instanceof KeyRace) {
      const earlier = await replay();
      if (earlier) return earlier;
    }
    throw err;
  }

  if (!outcome.linked) await deps.hooks.queueChanged();
  const row = await findComplaintById(db, outcome.id);
  const viewer =
    actor.kind === 'complainant'
      ? { kind: 'owner' as const, actor }
      : { kind: 'staff' as const, actor };
  const complaint = await loadDetail(deps, row!, viewer, opts.locale);
  const notice = outcome.linked
    ? repeatNotice(row!.number, actor.kind === 'complainant', opts.locale)
    : null;
  return {
    status: outcome.linked ? 200 : 201,
    result: { complaint, linkedToExisting: outcome.linked, notice },
  };
}

interface NewFiling {
  complainant: UserRow;
  person: Person;
  channel: Channel;
  actor: Actor;
  now: Date;
  description: string;
  demand: string;
  fields: Record<string, string>;
  found: NonNullable<Awaited<ReturnType<typeof findProblemType>>>;
  ip: string | null;
  language: string;
}

async function createAccepted(tx: Tx, f: NewFiling): Promise<string> {
  const day = chinaDay(f.now);
  const number = formatComplaintNumber(day, await nextDailySequence(tx, day));
  const flags = await filingFlags(tx, f.complainant.id, f.now);
  const { category, type } = f.found;
  const row = await insertComplaint(tx, {
    number,
    status: 'submitted',
    categoryCode: category.code,
    typeCode: type.code,
    rules: {
      categoryCode: category.code,
      categoryName: category.name,
      typeCode: type.code,
      typeName: type.name,
      priority: type.priority,
      requiredFields: type.requiredFields,
      requiredEvidence: type.requiredEvidence,
      sla: type.sla,
    },
    priority: type.priority,
    channel: f.channel,
    complainantId: f.complainant.id,
    contact: f.person,
    description: f.description,
    demand: f.demand,
    fields: f.fields,
    filedByKind: f.actor.kind,
    filedById: f.actor.key,
    filedIp: f.ip,
    flags,
    teamId: await teamForType(tx, category.code, type.code),
    language: f.language,
    tags: type.priority === 'red' ? [SYSTEM_TAGS.urgent] : [],
    createdAt: f.now,
    updatedAt: f.now,
  });
  await appendEvent(tx, row.id, {
    type: 'filed',
    action: null,
    fromStatus: null,
    toStatus: 'submitted',
    actorKind: f.actor.kind,
    actorId: f.actor.key,
    actorRole: f.actor.appRole,
    actorName: f.actor.name,
    opinion: null,
    data: { channel: f.channel },
    createdAt: f.now,
  });
  if (flags.length > 0) {
    await appendEvent(tx, row.id, {
      type: 'flagged',
      actorKind: 'system',
      actorName: SYSTEM_ACTOR.name,
      data: { flags },
      internal: true,
      createdAt: f.now,
    });
  }
  await applyTransition(tx, row, {
    action: 'accept',
    actor: SYSTEM_ACTOR,
    now: f.now,
    data: { number },
  });
  return row.id;
}

/** What the filer is told when the filing joined an open complaint (the person, or staff for them). */
function repeatNotice(number: string, self: boolean, locale: Locale): string {
  if (locale === 'en') {
    return self
      ? `You already have an open complaint about this (${number}); this filing has been added to it, so there is no need to file again.`
      : `This person already has an open complaint about this (${number}); the filing has been added to it instead of opening a new case.`;
  }
  return self
    ? `您已有一件相同问题的投诉正在处理（编号 ${number}），本次提交已并入该投诉，无需重复提交。`
    : `该投诉人已有一件相同问题的投诉正在处理（编号 ${number}），本次登记已并入该投诉，未新建案件。`;
}
