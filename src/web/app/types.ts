// The API contracts the web app reads. They live in src/shared, written once for server and web;
// this file only gives them the names the web code uses.
export type { Role, StaffRole, Permission } from '../../shared/roles';
export { STAFF_ROLES, ROLES as ALL_ROLES } from '../../shared/roles';
export type { Locale as Lang } from '../../shared/errors';
export type { LocalText } from '../../shared/text';
export type {
  Category,
  FieldKind,
  Priority,
  ProblemType,
  RequiredField,
  SlaSpec as Sla,
} from '../../shared/catalog';
export type {
  OtpRequested as OtpRequestResult,
  PublicUser as User,
  SessionInfo as Session,
} from '../../shared/accounts';
export type { SystemInfo } from '../../shared/system';
export type {
  Channel,
  ComplaintAction,
  ComplaintDetail,
  ComplaintList,
  ComplaintStatus,
  ComplaintSummary,
  EvidenceItem,
  EvidenceVerification,
  FilingResult,
  MaterialRequest,
  StaffTransition,
  TimelineEvent,
  TypeSuggestion,
} from '../../shared/complaints';
export {
  APPEAL_WINDOW_DAYS,
  CHANNELS,
  COMPLAINT_STATUSES,
  DEMAND_MAX,
  DESCRIPTION_MAX,
  HISTORY_DEFAULT_DAYS,
  HISTORY_MAX_DAYS,
  MAX_FILES_PER_SUBMISSION,
  OPINION_MAX,
  OPEN_STATUSES,
  STATUS_EXPLANATIONS,
  STATUS_LABELS,
} from '../../shared/complaints';
// Stage 3 case-handling contracts (teams, macros, merchants, external platforms, collective cases, calls, audit).
export type * from '../../shared/cases';
