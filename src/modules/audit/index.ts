// The audit log: who did what to which record, kept append-only.
export { recordAudit, listAudit, type AuditActor, type AuditInput } from './record.js';
export { auditActorOf } from './actor.js';
export { auditRoutes } from './routes.js';
