// Complaints: filing, numbers, the lifecycle, materials, appeals, ratings, tracking, and the
// case-handling toolkit other modules (routing, merchants, external, collective, calls) build on.
export { complaintsRoutes, type ComplaintsRouteDeps } from './routes.js';
export { evidenceAccess } from './use-cases/evidence-access.js';
export { complaintsJobs } from './jobs.js';
export type { ComplaintsDeps } from './deps.js';

// The toolkit: find and lock a complaint as the caller sees it, change it through the one
// transition function, append to its timeline (which also audits and notifies live viewers).
export {
  actOnComplaint,
  type ActCaller,
  type ActContext,
  type MayAct,
} from './use-cases/act-on-complaint.js';
export { assertVersion, claimComplaint, isCaseWorker } from './work-rules.js';
// Who holds what: the team and capacity reads every path that gives a person a complaint shares
// (the assigner locks many profiles at once with the same lock-then-count protocol).
export { findTeamCode, isTeamMember, lockedLoad, markAssigned } from './work-repository.js';
export { macroVariables } from './macro-vars.js';
export { complaintForCaller, loadDetail, parseNumber } from './use-cases/load-complaint.js';
export { fileComplaint } from './use-cases/file-complaint.js';
export { applyTransition, assertAllowed } from './transition.js';
export { actorOf, SYSTEM_ACTOR, type Actor } from './actor.js';
export {
  appendEvent,
  findComplaintById,
  findComplaintByNumber,
  lockComplaint,
  updateComplaint,
  LIVE_CHANNEL,
  type ComplaintRow,
  type NewEvent,
} from './repository.js';
export { presentSummary, type Viewer } from './present.js';
export { collectiveSummary, fenToYuan, presentExternalCase } from './case-parts.js';
export { ComplaintDetailSchema, ComplaintSummarySchema, FileBody, NumberParams } from './schema.js';
export * from './case-schema.js';
export { checkFields } from './field-rules.js';
export { pressComplaint } from './use-cases/press-complaint.js';
export { trackComplaint } from './use-cases/track-complaint.js';
