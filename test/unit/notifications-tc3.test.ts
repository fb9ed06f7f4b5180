// The TC3 signer against the provider's own worked example, so a signature bug shows up here and
// not as AuthFailure.SignatureFailure in production.
//
// Every expected value below is copied from the worked example in Tencent Cloud's API 3.0
// documentation, page "Signature v3" (English edition, tencentcloud.com, repeated in each
// product's API docs) / "签名方法 v3" (Chinese edition, https://cloud.tencent.com/document/api/213/30654):
// CVM DescribeInstances in ap-guangzhou at X-TC-Timestamp 1551113065, signing `content-type;host`,
// with the example SecretId AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE and SecretKey
// Gu5t9xGARNpq86cd98joQYCN3EXAMPLE (the English edition prints the key in full; the Chinese one
// masks its middle). Later revisions of the page re-did the example with x-tc-action signed too
// and the key fully masked, so only this revision can be checked end to end. None of these
// literals was produced by this code.
import { describe, expect, it } from 'vitest';
import {
  sha256Hex,
  signTc3,
  tc3CanonicalRequest,
  tc3Date,
  tc3Signature,
  tc3StringToSign,
} from '../../src/modules/notifications/channels/tc3.js';

const PUBLISHED = {
  secretId: 'AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE',
  secretKey: 'Gu5t9xGARNpq86cd98joQYCN3EXAMPLE',
  service: 'cvm',
  host: 'cvm.tencentcloudapi.com',
  action: 'DescribeInstances',
  version: '2017-03-12',
  region: 'ap-guangzhou',
  timestamp: 1551113065,
  // The body exactly as the example sends it: Python's json.dumps, so ", " / ": " separators and
  // 未命名 written as \u escapes (the backslashes are literal characters of the payload).
  payload:
    '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
  hashedRequestPayload: '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  canonicalRequest: [
    'POST',
    '/',
    '',
    'content-type:application/json; charset=utf-8',
    'host:cvm.tencentcloudapi.com',
    '',
    'content-type;host',
    '35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064',
  ].join('\n'),
  hashedCanonicalRequest: '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
  stringToSign: [
    'TC3-HMAC-SHA256',
    '1551113065',
    '2019-02-25/cvm/tc3_request',
    '5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031',
  ].join('\n'),
  signature: '72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
  authorization:
    'TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168',
};

describe('TC3-HMAC-SHA256 against the published Signature v3 example', () => {
  it('hashes the payload to the published HashedRequestPayload', () => {
    expect(sha256Hex(PUBLISHED.payload)).toBe(PUBLISHED.hashedRequestPayload);
  });

  it('builds the published canonical request and its hash', () => {
    const cr = tc3CanonicalRequest({
      host: PUBLISHED.host,
      contentType: 'application/json; charset=utf-8',
      payload: PUBLISHED.payload,
    });
    expect(cr).toBe(PUBLISHED.canonicalRequest);
    expect(sha256Hex(cr)).toBe(PUBLISHED.hashedCanonicalRequest);
  });

  it('uses the UTC date: 1551113065 is 2019-02-26 00:44 in Beijing but 2019-02-25 in UTC', () => {
    expect(tc3Date(PUBLISHED.timestamp)).toBe('2019-02-25');
  });

  it('builds the published string to sign', () => {
    expect(
      tc3StringToSign({
        timestamp: PUBLISHED.timestamp,
        service: PUBLISHED.service,
        canonicalRequest: PUBLISHED.canonicalRequest,
      }),
    ).toBe(PUBLISHED.stringToSign);
  });

  it('derives the key from "TC3"+SecretKey and reaches the published signature', () => {
    expect(
      tc3Signature({
        secretKey: PUBLISHED.secretKey,
        timestamp: PUBLISHED.timestamp,
        service: PUBLISHED.service,
        stringToSign: PUBLISHED.stringToSign,
      }),
    ).toBe(PUBLISHED.signature);
  });

  it('signTc3 end to end gives the published Authorization header and X-TC-* headers', () => {
    const signed = signTc3({
      secretId: PUBLISHED.secretId,
      secretKey: PUBLISHED.secretKey,
      service: PUBLISHED.service,
      host: PUBLISHED.host,
      action: PUBLISHED.action,
      version: PUBLISHED.version,
      region: PUBLISHED.region,
      timestamp: PUBLISHED.timestamp,
      payload: PUBLISHED.payload,
    });
    expect(signed.canonicalRequest).toBe(PUBLISHED.canonicalRequest);
    expect(signed.stringToSign).toBe(PUBLISHED.stringToSign);
    expect(signed.signature).toBe(PUBLISHED.signature);
    expect(signed.authorization).toBe(PUBLISHED.authorization);
    // The request headers of the published "complete call information".
    expect(signed.headers).toEqual({
      Authorization: PUBLISHED.authorization,
      'Content-Type': 'application/json; charset=utf-8',
      'X-TC-Action': 'DescribeInstances',
      'X-TC-Timestamp': '1551113065',
      'X-TC-Version': '2017-03-12',
      'X-TC-Region': 'ap-guangzhou',
    });
  });

  it('changes the signature when any signed input changes', () => {
    const base = {
      secretId: PUBLISHED.secretId,
      secretKey: PUBLISHED.secretKey,
      service: PUBLISHED.service,
      host: PUBLISHED.host,
      action: PUBLISHED.action,
      version: PUBLISHED.version,
      timestamp: PUBLISHED.timestamp,
      payload: PUBLISHED.payload,
    };
    const variants = [
      { ...base, payload: PUBLISHED.payload.replace('1', '2') },
      { ...base, host: 'cvm.ap-guangzhou.tencentcloudapi.com' },
      { ...base, timestamp: base.timestamp + 1 },
      { ...base, service: 'sms' },
      { ...base, secretKey: `${base.secretKey}x` },
      { ...base, contentType: 'application/json' },
    ];
    for (const v of variants) expect(signTc3(v).signature).not.toBe(PUBLISHED.signature);
    // Region and token are headers outside the signed set: they do not move the signature.
    expect(signTc3({ ...base, region: 'ap-beijing', token: 't' }).signature).toBe(
      PUBLISHED.signature,
    );
    expect(signTc3({ ...base, token: 'sts-token' }).headers['X-TC-Token']).toBe('sts-token');
  });
});
