// SLA clocks and business calendars (Stage 4). Only this file is imported by other modules.
export { shipCalendars } from './calendar/ship-calendars.js';
export { CN_MAINLAND_YEARS } from './calendar/cn-mainland.js';
export { slaRoutes } from './routes.js';
export { findCalendar, loadCalendar } from './calendar/calendar-repository.js';
export { policyFromSpec, regionOf, withRegionExtra } from './policy-defaults.js';
