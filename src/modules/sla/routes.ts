import type { FastifyInstance } from 'fastify';
import { Type, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../server/db/client.js';
import { errorResponses } from '../../server/lib/api-schemas.js';
import type { Clock } from '../../server/lib/clock.js';
import { requirePrincipal } from '../../server/plugins/auth.js';
import { listCalendars, loadCalendar } from './calendar/calendar-repository.js';
import { importCalendar } from './calendar/import-calendar.js';
import { previewDue } from './preview.js';
import { saveCalendarYear } from './calendar/save-year.js';
import { listPolicies, resetPolicy, savePolicy } from './policies.js';
import { PolicyInputSchema, PolicyRowSchema } from './api-schemas.js';
import { auditActorOf } from '../audit/index.js';
import { DAY_KINDS } from '../../shared/sla.js';

const Amount = (max: number, description: string) =>
  Type.Optional(Type.Number({ minimum: 0, maximum: max, description }));

const PreviewBody = Type.Object(
  {
    calendar: Type.String({ minLength: 1, maxLength: 60, examples: ['cn-mainland'] }),
    start: Type.String({
      format: 'date-time',
      description: 'ISO 8601 with offset, e.g. 2025-09-30T10:00:00+08:00',
    }),
    add: Type.Object(
      {
        workingDays: Amount(365, 'Full working days of the calendar'),
        workingHours: Amount(24 * 365, 'Working hours of the calendar'),
        hours: Amount(24 * 365, 'Wall-clock hours (24×7; the calendar is not consulted)'),
      },
      { additionalProperties: false, description: 'Exactly one of the three' },
    ),
  },
  { additionalProperties: false },
);

const DayRef = Type.Object({ date: Type.String(), name: Type.String() });
const PreviewResponse = Type.Object({
  due: Type.String({ description: 'ISO 8601 with the calendar zone offset' }),
  calendar: Type.String(),
  timeZone: Type.String(),
  skipped: Type.Array(DayRef, { description: 'Weekend days and holidays the span passed over' }),
  counted: Type.Array(DayRef, { description: '调休 make-up working days the span counted' }),
});

const Interval = Type.Object({ start: Type.String(), end: Type.String() });
const LocalTextSchema = Type.Object({ zh: Type.String(), en: Type.String() });
const CalendarFrame = {
  code: Type.String(),
  name: LocalTextSchema,
  timeZone: Type.String(),
  week: Type.Array(Type.Array(Interval), { description: 'Monday first' }),
  makeUpHours: Type.Array(Interval),
};
const CalendarSummarySchema = Type.Object({
  ...CalendarFrame,
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      source: Type.String(),
      holidays: Type.Integer(),
      workdays: Type.Integer(),
    }),
  ),
  updatedAt: Type.String({ format: 'date-time' }),
});
const CalendarSchema = Type.Object({
  ...CalendarFrame,
  years: Type.Array(
    Type.Object({
      year: Type.Integer(),
      source: Type.String(),
      days: Type.Array(
        Type.Object({
          date: Type.String(),
          kind: Type.Union([Type.Literal('holiday'), Type.Literal('workday')]),
          name: Type.String(),
        }),
      ),
    }),
  ),
});
const YearBody = Type.Object(
  {
    source: Type.String({ minLength: 1, maxLength: 300, description: 'Where the dates come from' }),
    days: Type.Array(
      Type.Object(
        {
          date: Type.String({ description: 'YYYY-MM-DD in the calendar zone' }),
          kind: Type.Enum(DAY_KINDS, { description: 'holiday, or workday (调休 make-up day)' }),
          name: Type.String({ minLength: 1, maxLength: 40 }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 366 },
    ),
  },
  { additionalProperties: false },
);

const CodeParams = Type.Object({ code: Type.String({ minLength: 1, maxLength: 60 }) });
const ImportBody = Type.Object(
  {
    ics: Type.String({ minLength: 1, maxLength: 1_000_000, description: 'iCalendar text' }),
    source: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Where the dates come from, e.g. the notice title and date',
    }),
    years: Type.Optional(
      Type.Array(Type.Integer({ minimum: 1970, maximum: 2100 }), {
        minItems: 1,
        maxItems: 20,
        description:
          'The years the file is the schedule for; required when its dates touch several years',
      }),
    ),
  },
  { additionalProperties: false },
);
const ImportResponse = Type.Object({
  years: Type.Array(
    Type.Object({ year: Type.Integer(), holidays: Type.Integer(), workdays: Type.Integer() }),
  ),
});

export async function slaRoutes(app: FastifyInstance, deps: { db: Db; clock: Clock }) {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['sla'];

  r.get(
    '/api/v1/calendars',
    {
      config: { access: 'sla.view' },
      schema: {
        tags,
        summary: 'Business calendars with the years they know',
        response: { 200: Type.Array(CalendarSummarySchema), ...errorResponses },
      },
    },
    async () => listCalendars(deps.db),
  );

  r.get(
    '/api/v1/calendars/:code',
    {
      config: { access: 'sla.view' },
      schema: {
        tags,
        summary: 'One business calendar with every holiday and 调休 day',
        params: CodeParams,
        response: { 200: CalendarSchema, ...errorResponses },
      },
    },
    async (req) => loadCalendar(deps.db, req.params.code),
  );

  r.post(
    '/api/v1/calendars/:code/import',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: 'Import holidays and 调休 days from iCalendar',
        description:
          'All-day VEVENTs are holidays; make-up working days are marked CATEGORIES:WORKDAY or ' +
          'have 上班/补班 in the summary. Each imported year is replaced whole and becomes known ' +
          'to the calendar; other years are untouched. A file whose dates touch several years ' +
          'needs `years` (400 years_ambiguous otherwise); days outside them are ignored. ' +
          'Audited (calendar.import).',
        params: CodeParams,
        body: ImportBody,
        response: { 200: ImportResponse, ...errorResponses },
      },
    },
    async (req) => importCalendar(deps, requirePrincipal(req), req.params.code, req.body),
  );
  r.post(
    '/api/v1/sla/preview',
    {
      config: { access: 'sla.view' },
      schema: {
        tags: ['sla'],
        summary: 'SLA 预览: the due time of a span of working time on a business calendar',
        description:
          'One working day = one full working day of the calendar: a start inside working hours ' +
          'lands at the same time of day on the Nth working day; a start outside them at the end ' +
          'of the Nth. Holidays are skipped and 调休 make-up days counted. A span reaching a year ' +
          'the calendar has no data for → 422 calendar_year_missing; an unknown calendar → 404.',
        body: PreviewBody,
        response: { 200: PreviewResponse, ...errorResponses },
      },
    },
    async (req) => previewDue(deps.db, req.body),
  );

  r.put(
    '/api/v1/calendars/:code/years/:year',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: 'Replace one year of a calendar: its holidays and 调休 days (admins)',
        description:
          'The year becomes known with the given source; its days are replaced whole. Clocks ' +
          'already running keep their due times; new ones count on the corrected year. Audited ' +
          '(calendar.year.save).',
        params: Type.Object({
          code: Type.String({ minLength: 1, maxLength: 60 }),
          year: Type.Integer({ minimum: 1970, maximum: 2200 }),
        }),
        body: YearBody,
        response: { 200: CalendarSummarySchema, ...errorResponses },
      },
    },
    async (req) =>
      saveCalendarYear(deps, requirePrincipal(req), req.params.code, req.params.year, req.body),
  );

  r.get(
    '/api/v1/sla/policies',
    {
      config: { access: 'sla.view' },
      schema: {
        tags,
        summary: 'The SLA policy in force for every problem type (and saved category defaults)',
        description:
          "source 'default' = read from the catalogue's seed figures; 'custom' = saved by an admin.",
        response: {
          200: Type.Object({ policies: Type.Array(PolicyRowSchema) }),
          ...errorResponses,
        },
      },
    },
    async () => ({ policies: await listPolicies(deps.db) }),
  );

  r.put(
    '/api/v1/sla/policies',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: "Save a type's SLA policy (typeCode '' = the category's default)",
        description:
          'Applies to complaints accepted from now on; open complaints keep the policy they were ' +
          'accepted under. Audited (sla.policy.save).',
        body: PolicyInputSchema,
        response: { 200: PolicyRowSchema, ...errorResponses },
      },
    },
    async (req) =>
      savePolicy(
        deps.db,
        req.body,
        await auditActorOf(deps.db, requirePrincipal(req)),
        deps.clock.now(),
      ),
  );

  r.post(
    '/api/v1/sla/policies/reset',
    {
      config: { access: 'sla.manage' },
      schema: {
        tags,
        summary: "Drop an admin's policy: back to the category's policy or the seed figures",
        body: Type.Object(
          {
            categoryCode: Type.String({ minLength: 1, maxLength: 60 }),
            typeCode: Type.String({ maxLength: 60 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Union([PolicyRowSchema, Type.Null()]), ...errorResponses },
      },
    },
    async (req) =>
      resetPolicy(
        deps.db,
        req.body,
        await auditActorOf(deps.db, requirePrincipal(req)),
        deps.clock.now(),
      ),
  );
}
