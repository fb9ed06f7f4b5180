import { describe, expect, it } from 'vitest';
import {
  canonicalRecord,
  GENESIS_HASH,
  recordHash,
  verifyChain,
  type ChainFacts,
  type ChainRecord,
} from '../../src/modules/evidence/chain.js';

// SHA-256 of "hello": stands in for any stored file.
const HELLO = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';

const first: ChainFacts = {
  complaintNumber: 'TS20261122-000123-7',
  seq: 1,
  sha256: HELLO,
  size: 5,
  mime: 'image/png',
  kind: 'image',
  name: '快递面单.png',
  durationMs: null,
  evidenceKey: 'waybill_photo',
  uploadedAt: new Date('2026-11-22T08:30:00.000Z'),
  uploaderKind: 'complainant',
  uploaderId: '6f1c2a52-3b7e-4d8a-9c0f-1e2d3c4b5a69',
  prevHash: GENESIS_HASH,
};

// Expected values computed outside Node: printf '%s' '<canonical>' | sha256sum
const FIRST_HASH = '12a4f56a3c429321cd4aa2cfe6a18d8d7b63054600c691642e93997e8efebd39';
const SECOND_HASH = '922e10f82dde80affa84b3c789b2a77c4835b22d1bca91ede581483ceb25c605';

describe('record hashes', () => {
  it('hash a fixed canonical JSON: sorted keys, no spaces, ISO time, UTF-8', () => {
    expect(canonicalRecord(first)).toBe(
      '{"complaintNumber":"TS20261122-000123-7","durationMs":null,"evidenceKey":"waybill_photo",' +
        '"kind":"image","mime":"image/png","name":"快递面单.png","prevHash":"' +
        '0'.repeat(64) +
        '","seq":1,"sha256":"' +
        HELLO +
        '","size":5,"uploadedAt":"2026-11-22T08:30:00.000Z",' +
        '"uploaderId":"6f1c2a52-3b7e-4d8a-9c0f-1e2d3c4b5a69","uploaderKind":"complainant"}',
    );
    expect(GENESIS_HASH).toBe('0'.repeat(64));
    expect(recordHash(first)).toBe(FIRST_HASH);
  });

  it('chain each record to the previous one', () => {
    const second: ChainFacts = {
      ...first,
      seq: 2,
      mime: 'video/mp4',
      kind: 'video',
      name: '开箱.mp4',
      durationMs: 12000,
      evidenceKey: null,
      uploadedAt: new Date('2026-11-22T08:31:15.250Z'),
      uploaderKind: 'token',
      uploaderId: 'tok_1',
      prevHash: FIRST_HASH,
    };
    expect(recordHash(second)).toBe(SECOND_HASH);
  });

  it('change with any single fact', () => {
    const changes: Partial<ChainFacts>[] = [
      { complaintNumber: 'TS20261122-000124-5' },
      { seq: 2 },
      { sha256: 'f'.repeat(64) },
      { size: 6 },
      { mime: 'image/jpeg' },
      { kind: 'document' },
      { name: '快递面单 .png' },
      { durationMs: 0 },
      { evidenceKey: null },
      { uploadedAt: new Date('2026-11-22T08:30:00.001Z') },
      { uploaderKind: 'staff' },
      { uploaderId: null },
      { prevHash: '1'.repeat(64) },
    ];
    const hashes = new Set(changes.map((c) => recordHash({ ...first, ...c })));
    expect(hashes.size).toBe(changes.length);
    expect(hashes.has(FIRST_HASH)).toBe(false);
  });
});

/** A valid chain of n records over files named by content "file-1", "file-2", … */
function chain(n: number): ChainRecord[] {
  const out: ChainRecord[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const facts = { ...first, seq, sha256: `${seq}`.repeat(64), prevHash: prev };
    prev = recordHash(facts);
    out.push({ ...facts, recordHash: prev });
  }
  return out;
}

const intact = (sha: string) => sha;

describe('verifyChain', () => {
  it('accepts an intact chain, in any order, and an empty one', () => {
    const ok = { valid: true, records: 3, firstBadRecord: null, problem: null };
    expect(verifyChain(chain(3), intact)).toEqual(ok);
    expect(verifyChain(chain(3).reverse(), intact)).toEqual(ok);
    expect(verifyChain([], intact)).toEqual({ ...ok, records: 0 });
  });

  it('finds a missing file at its record', () => {
    const r = verifyChain(chain(3), (sha) => (sha === '2'.repeat(64) ? null : sha));
    expect(r).toEqual({ valid: false, records: 3, firstBadRecord: 2, problem: 'file_missing' });
  });

  it('finds a changed file at its record', () => {
    const r = verifyChain(chain(3), (sha) => (sha === '3'.repeat(64) ? 'e'.repeat(64) : sha));
    expect(r).toEqual({ valid: false, records: 3, firstBadRecord: 3, problem: 'file_changed' });
  });

  it('finds a changed record at its seq', () => {
    const records = chain(3);
    records[1] = { ...records[1]!, name: 'renamed.png' };
    expect(verifyChain(records, intact)).toMatchObject({
      firstBadRecord: 2,
      problem: 'record_changed',
    });
  });

  it('finds a record rewritten with a fresh hash where the next link breaks', () => {
    const records = chain(3);
    const forged = { ...records[1]!, size: 999 };
    records[1] = { ...forged, recordHash: recordHash(forged) };
    expect(verifyChain(records, intact)).toMatchObject({
      firstBadRecord: 3,
      problem: 'chain_broken',
    });
  });

  it('finds a removed record at the first seq after the gap', () => {
    const records = chain(4);
    records.splice(1, 1);
    expect(verifyChain(records, intact)).toMatchObject({
      valid: false,
      records: 3,
      firstBadRecord: 3,
      problem: 'chain_broken',
    });
  });

  it('finds a chain that does not start at the genesis hash', () => {
    const records = chain(2);
    records[0] = { ...records[0]!, prevHash: '9'.repeat(64) };
    expect(verifyChain(records, intact)).toMatchObject({
      firstBadRecord: 1,
      problem: 'chain_broken',
    });
  });
});
