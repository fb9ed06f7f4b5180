// Live updates: GET /api/v1/live streams complaint changes (server-sent events) from PostgreSQL
// LISTEN/NOTIFY, one listening connection per app shared by every stream.
export { liveRoutes } from './routes.js';
export { openStream } from './routes.js';
export type { LiveHub, ChatNotice } from './hub.js';
