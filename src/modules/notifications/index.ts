// Notifications (Stage 5): key nodes → the transactional outbox → SMS, email, WeChat and the
// in-app bell; progress reports, receipts and signed tracking links. Complaints call
// queueNotifications inside recordEvent; this module never imports complaints.
export { queueNotifications, NOTIFY_CHANNEL } from './queue.js';
export type { NotifyEvent } from './plan.js';
export { notificationsJobs, queueProgressReports, type NotificationsJobDeps } from './jobs.js';
export { dispatchOutbox, claimOutbox, type DispatchDeps } from './dispatch.js';
export { buildChannels, type Channels } from './channels/index.js';
export { notificationsRoutes } from './routes.js';
export { progressReportPdf } from './progress-report.js';
export { latestReceipt, ensureReceipt, checkReceipt } from './receipts.js';
export { checkTrackingToken, trackingLink, linkKey, LINK_VALID_DAYS } from './links.js';
export { channelOtpSender } from './otp.js';
export { eventTitle } from './event-labels.js';
