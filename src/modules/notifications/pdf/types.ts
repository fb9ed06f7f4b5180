// The data the two PDFs are drawn from. Everything is already resolved to display strings in the
// document's language except instants, which the renderer formats in `timeZone`.
import type { Locale } from '../../../shared/errors.js';

export interface ProgressReportData {
  locale: Locale;
  timeZone: string;
  /** Complaint number (投诉编号), e.g. TS20251001000123. */
  number: string;
  categoryName: string;
  typeName: string;
  /** Current status, display label (e.g. 调查中). */
  statusLabel: string;
  /** One line on where the case stands now (e.g. 专员正在核实快递公司的签收记录). */
  currentStage: string;
  filedAt: Date;
  acceptedAt: Date | null;
  /** null when no estimate can be given (the reason goes in estimateNote). */
  estimatedCompletion: Date | null;
  estimateNote: string | null;
  /** Oldest first; title is the event label, detail optional text (an opinion, a note). */
  timeline: { at: Date; title: string; detail: string | null }[];
  evidence: { name: string; sha256: string; sizeBytes: number; receivedAt: Date }[];
  generatedAt: Date;
}

export interface ReceiptData {
  locale: Locale;
  timeZone: string;
  number: string;
  categoryName: string;
  typeName: string;
  /** 'resolved' or 'rejected', with its display label. */
  outcome: 'resolved' | 'rejected';
  outcomeLabel: string;
  /** The handling opinion (处理意见) or the rejection reason. */
  opinion: string;
  /** Masked complainant name/contact as it may be printed (e.g. 张* 138****8000). */
  complainant: string;
  filedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date;
  /** End of the appeal window, or null when there is none (rejected, already appealed). */
  appealUntil: Date | null;
  /** Short code printed on the receipt and encoded in the QR (with verifyUrl). */
  verificationCode: string;
  /** Absolute URL of the verification page, encoded in the QR code. */
  verifyUrl: string;
  issuedAt: Date;
}
