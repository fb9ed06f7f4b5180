// Request and reply shapes of the routing endpoints; validation and the OpenAPI document come
// from these. Rules that need a clear reason (unknown team, bad time, not a member) are checked
// in the use-cases and answered as 400 with the field.
import { Type } from 'typebox';
import { LocalTextSchema, TeamHeadSchema } from '../complaints/index.js';
import { OPINION_MAX } from '../../shared/complaints.js';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) =>
  Type.Union([t, Type.Null()]);
const Iso = Type.String({ format: 'date-time' });
const Uuid = Type.String({ format: 'uuid' });
const Hm = Type.String({ maxLength: 5, description: "'HH:MM', China time (UTC+8)" });

export const TeamMemberSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  role: Type.String(),
});

export const TeamSchema = Type.Object({
  code: Type.String(),
  name: LocalTextSchema,
  isExpertSeat: Type.Boolean(),
  enabled: Type.Boolean(),
  members: Type.Array(TeamMemberSchema),
  waiting: Type.Integer({ description: 'Complaints waiting in the queue (no assignee)' }),
  waitingRed: Type.Integer({ description: 'Of those, red priority' }),
  open: Type.Integer({ description: 'Open complaints of this queue held by someone' }),
});

export const WorkingHoursSchema = Type.Object({
  days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
    maxItems: 7,
    description: 'ISO weekdays the shift starts on, 1 = Monday',
  }),
  start: Hm,
  end: Hm,
  alwaysOn: Type.Boolean({ description: 'Round the clock: days/start/end do not apply' }),
});

export const AgentProfileSchema = Type.Object({
  userId: Type.String(),
  name: Type.String(),
  role: Type.String(),
  teams: Type.Array(TeamHeadSchema),
  capacity: Type.Integer({ description: 'Open complaints the person may hold at once' }),
  skills: Type.Array(Type.String()),
  languages: Type.Array(Type.String()),
  hours: WorkingHoursSchema,
  absentFrom: Nullable(Iso),
  absentUntil: Nullable(Iso),
  load: Type.Integer({ description: 'Open complaints assigned now' }),
  available: Type.Boolean({
    description:
      'Whether the assigner would give this person work now (working, not away, below capacity)',
  }),
});

export const RoutingRuleSchema = Type.Object({
  categoryCode: Type.String(),
  typeCode: Type.String({ description: "'' = the whole category" }),
  teamCode: Type.String(),
});

export const QueuesReply = Type.Object({
  mine: Type.Object({
    open: Type.Integer({ description: 'Open complaints assigned to me' }),
    red: Type.Integer({ description: 'Of those, red priority' }),
  }),
  teams: Type.Array(TeamSchema, { description: 'My teams (supervisors: every team)' }),
});

const TeamName = Type.Object(
  {
    zh: Type.String({ minLength: 1, maxLength: 40 }),
    en: Type.String({ minLength: 1, maxLength: 60 }),
  },
  { additionalProperties: false, description: 'Both languages' },
);

export const CreateTeamBody = Type.Object(
  {
    code: Type.String({
      maxLength: 100,
      description: '^[a-z][a-z0-9_]{1,39}$, unique, fixed once created',
    }),
    name: TeamName,
    isExpertSeat: Type.Optional(
      Type.Boolean({ description: 'The expert seat takes escalations, appeals and arbitration' }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateTeamBody = Type.Object(
  {
    name: Type.Optional(TeamName),
    enabled: Type.Optional(
      Type.Boolean({
        description: 'false: no new routing rules or transfers to it (move its rules away first)',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TeamCodeParams = Type.Object({ code: Type.String({ maxLength: 100 }) });

export const MembersBody = Type.Object(
  {
    userIds: Type.Array(Uuid, {
      maxItems: 500,
      description: 'The whole membership (replaces it); staff accounts: agent, expert, supervisor',
    }),
  },
  { additionalProperties: false },
);

export const UserIdParams = Type.Object({ userId: Uuid });

const Absence = {
  absentFrom: Type.Optional(
    Nullable(Type.String({ format: 'date-time', description: 'Away from (null: now)' })),
  ),
  absentUntil: Type.Optional(
    Nullable(
      Type.String({ format: 'date-time', description: 'Back at (null: until further notice)' }),
    ),
  ),
};

export const AgentPatchBody = Type.Object(
  {
    capacity: Type.Optional(Type.Integer({ minimum: 0, maximum: 200 })),
    skills: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 30 }),
    ),
    languages: Type.Optional(
      Type.Array(Type.String({ pattern: '^[a-z]{2}$' }), {
        minItems: 1,
        maxItems: 20,
        description: 'ISO 639-1 codes, e.g. zh, en, ms',
      }),
    ),
    hours: Type.Optional(
      Type.Object(
        {
          days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { maxItems: 7 }),
          start: Hm,
          end: Hm,
          alwaysOn: Type.Boolean(),
        },
        {
          additionalProperties: false,
          description:
            'A shift belongs to the day it starts; an end before the start runs past midnight (22:00–06:00)',
        },
      ),
    ),
    ...Absence,
  },
  { additionalProperties: false },
);

export const AvailabilityBody = Type.Object(Absence, { additionalProperties: false });

export const RuleBody = Type.Object(
  {
    categoryCode: Type.String({ minLength: 1, maxLength: 100 }),
    typeCode: Type.String({
      maxLength: 100,
      description: "A problem type of the category, or '' for the whole category",
    }),
    teamCode: Type.String({ minLength: 1, maxLength: 100 }),
  },
  { additionalProperties: false },
);

export const RuleParams = Type.Object({
  categoryCode: Type.String({ maxLength: 100 }),
  typeCode: Type.String({ maxLength: 100 }),
});

const Version = Type.Optional(
  Type.Integer({ minimum: 1, description: 'The version you saw; an older one gets 409' }),
);
const Reason = Type.String({ minLength: 1, maxLength: OPINION_MAX });

export const ClaimBody = Type.Object({ version: Version }, { additionalProperties: false });

export const ReleaseBody = Type.Object(
  { reason: Reason, version: Version },
  { additionalProperties: false },
);

export const AssignmentBody = Type.Object(
  {
    teamCode: Type.String({ minLength: 1, maxLength: 100 }),
    assigneeId: Type.Optional(
      Nullable(
        Type.String({
          format: 'uuid',
          description: 'A member of the team with room (null/omitted: the team queue)',
        }),
      ),
    ),
    reason: Reason,
    version: Version,
  },
  { additionalProperties: false },
);
