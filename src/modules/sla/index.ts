// SLA clocks and business calendars (Stage 4). Only this file is imported by other modules.
export { shipCalendars } from './calendar/ship-calendars.js';
export { CN_MAINLAND_YEARS } from './calendar/cn-mainland.js';
export { slaRoutes } from './routes.js';
export { findCalendar, loadCalendar } from './calendar/calendar-repository.js';
export { policyFromSpec, regionOf, withRegionExtra } from './policy-defaults.js';
export { syncClocks, type ClockEvent } from './sync-clocks.js';
export { clocksOf, badgeOf } from './present-clocks.js';
export { effectivePolicy } from './policies.js';
export { fireClock, rulesFor, type StoredClock } from './fire-clock.js';
export { refreshHeadline } from './sync-clocks.js';
export { ruleMatches } from './rule-match.js';
export {
  AlertSchema,
  AssistTeamsReply,
  DurationSchema,
  RuleInputSchema,
  RuleSchema,
} from './api-schemas.js';
