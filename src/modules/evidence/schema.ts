import { Type, type Static } from 'typebox';
import type { EvidenceItem, EvidenceVerification } from '../../shared/complaints.js';
import { MAX_FILES_PER_SUBMISSION } from '../../shared/complaints.js';

const NullableString = Type.Union([Type.String(), Type.Null()]);

export const EvidenceItemSchema = Type.Object({
  seq: Type.Integer({ minimum: 1, description: 'Position in the complaint\u2019s evidence chain' }),
  sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  size: Type.Integer({ description: 'Bytes' }),
  mime: Type.String({ description: 'Decided from the content, not the name' }),
  kind: Type.Enum(['image', 'document', 'video']),
  name: Type.String(),
  durationSeconds: Type.Union([Type.Number(), Type.Null()], { description: 'Videos only' }),
  evidenceKey: NullableString,
  uploadedAt: Type.String({ format: 'date-time' }),
  uploadedBy: Type.Enum(['complainant', 'staff', 'token']),
  recordHash: Type.String({ description: 'Hash of this record in the chain (hex)' }),
  url: Type.String({ description: 'Download path' }),
});

export const EvidenceVerificationSchema = Type.Object({
  valid: Type.Boolean(),
  records: Type.Integer(),
  firstBadRecord: Type.Union([Type.Integer(), Type.Null()]),
  problem: Type.Union([
    Type.Enum(['file_missing', 'file_changed', 'record_changed', 'chain_broken']),
    Type.Null(),
  ]),
  checkedAt: Type.String({ format: 'date-time' }),
});

// Compile-time guard: the schemas and the shared contracts must describe the same shape.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _itemMatches: Same<Static<typeof EvidenceItemSchema>, EvidenceItem> = true;
const _verificationFits: Static<typeof EvidenceVerificationSchema> extends EvidenceVerification
  ? true
  : false = true;

export const NumberParams = Type.Object({
  number: Type.String({ description: 'Complaint number, e.g. TS20261122-000123-7' }),
});

export const FileParams = Type.Object({
  number: Type.String(),
  seq: Type.Integer({ minimum: 1 }),
});

export const AddedReply = Type.Object({ added: Type.Array(EvidenceItemSchema) });
export const EvidenceListReply = Type.Object({ items: Type.Array(EvidenceItemSchema) });

/**
 * For the OpenAPI document only. Fastify validates a body against the schema for its media type;
 * with no `type`, this one accepts the empty body the multipart parser leaves, and the files are
 * checked as they stream in (src/modules/evidence/receive.ts).
 */
export const UploadBodyDoc = {
  content: {
    'multipart/form-data': {
      schema: {
        properties: {
          files: {
            type: 'array',
            maxItems: MAX_FILES_PER_SUBMISSION,
            items: { type: 'string', format: 'binary' },
            description:
              '1\u20133 files: PNG/JPEG \u2264 5 MB, JPEG scan or PDF < 10 MB, MP4 \u2264 50 MB and \u2264 60 s',
          },
          evidenceKey: {
            type: 'string',
            maxLength: 100,
            description: 'The checklist item these files answer',
          },
        },
        required: ['files'],
      },
    },
  },
};

const binary = { schema: { type: 'string', format: 'binary' } };

/** The 200 of the file download: raw bytes in the type recorded at upload, not JSON. */
export const FileReplyDoc = {
  description: 'The file as uploaded',
  content: {
    'image/png': binary,
    'image/jpeg': binary,
    'application/pdf': binary,
    'video/mp4': binary,
  },
};
