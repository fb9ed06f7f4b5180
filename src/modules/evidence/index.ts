// Evidence (证据): files attached to complaints, stored by content hash and kept in a hash chain
// per complaint so any later change is detectable.
export { evidenceRoutes, type EvidenceRouteDeps } from './routes.js';
export { EvidenceStore } from './store.js';
export { countEvidenceSince, listEvidence } from './repository.js';
export { verifyEvidence } from './verify.js';
export type { EvidenceAccess, EvidenceTarget, UploaderKind } from './access.js';
