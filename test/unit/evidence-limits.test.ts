import { describe, expect, it } from 'vitest';
import {
  classifyEvidence,
  formatLimit,
  MAX_EVIDENCE_BYTES,
  MB,
  secondsForMessage,
  videoTooLong,
} from '../../src/modules/evidence/limits.js';

describe('classifyEvidence', () => {
  it('uses binary megabytes', () => {
    expect(MB).toBe(1_048_576);
    expect(MAX_EVIDENCE_BYTES).toBe(52_428_800);
  });

  it('takes a PNG up to and including 5 MB as an image', () => {
    expect(classifyEvidence('image/png', 1)).toEqual({ ok: true, kind: 'image' });
    expect(classifyEvidence('image/png', 5_242_880)).toEqual({ ok: true, kind: 'image' });
    expect(classifyEvidence('image/png', 5_242_881)).toEqual({
      ok: false,
      reason: 'file_too_large',
      kind: 'image',
      limitBytes: 5_242_880,
    });
  });

  it('takes a JPEG up to 5 MB as a photo, and under 10 MB as a scanned document', () => {
    expect(classifyEvidence('image/jpeg', 5_242_880)).toEqual({ ok: true, kind: 'image' });
    expect(classifyEvidence('image/jpeg', 5_242_881)).toEqual({ ok: true, kind: 'document' });
    expect(classifyEvidence('image/jpeg', 10_485_759)).toEqual({ ok: true, kind: 'document' });
    expect(classifyEvidence('image/jpeg', 10_485_760)).toEqual({
      ok: false,
      reason: 'file_too_large',
      kind: 'document',
      limitBytes: 10_485_760,
    });
  });

  it('takes a PDF under 10 MB as a document', () => {
    expect(classifyEvidence('application/pdf', 10_485_759)).toEqual({
      ok: true,
      kind: 'document',
    });
    expect(classifyEvidence('application/pdf', 10_485_760)).toMatchObject({
      ok: false,
      reason: 'file_too_large',
      kind: 'document',
    });
  });

  it('takes an MP4 up to and including 50 MB as a video', () => {
    expect(classifyEvidence('video/mp4', 52_428_800)).toEqual({ ok: true, kind: 'video' });
    expect(classifyEvidence('video/mp4', 52_428_801)).toEqual({
      ok: false,
      reason: 'file_too_large',
      kind: 'video',
      limitBytes: 52_428_800,
    });
  });

  it('refuses every other type, and unrecognised content', () => {
    for (const mime of ['image/gif', 'application/x-msdownload', 'video/quicktime', null]) {
      expect(classifyEvidence(mime, 100)).toEqual({ ok: false, reason: 'file_type_not_allowed' });
    }
  });

  it('calls an empty file empty, whatever it claims to be', () => {
    expect(classifyEvidence(null, 0)).toEqual({ ok: false, reason: 'file_empty' });
    expect(classifyEvidence('image/png', 0)).toEqual({ ok: false, reason: 'file_empty' });
  });
});

describe('video duration', () => {
  it('allows 60 s exactly and nothing longer', () => {
    expect(videoTooLong(60_000)).toBe(false);
    expect(videoTooLong(60_001)).toBe(true);
    expect(videoTooLong(61_000)).toBe(true);
  });

  it('rounds seconds up to a tenth for messages, so too long never reads as 60', () => {
    expect(secondsForMessage(61_000)).toBe(61);
    expect(secondsForMessage(60_001)).toBe(60.1);
    expect(secondsForMessage(75_449)).toBe(75.5);
  });

  it('formats limits in MB', () => {
    expect(formatLimit(5 * MB)).toBe('5 MB');
    expect(formatLimit(50 * MB)).toBe('50 MB');
  });
});
