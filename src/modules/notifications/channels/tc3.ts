// Tencent Cloud API 3.0 request signing (TC3-HMAC-SHA256), written out here rather than pulling
// in the whole tencentcloud SDK for one SMS call. Each step is its own pure function so the unit
// test can hold every intermediate value against the provider's published worked example.
import { createHash, createHmac } from 'node:crypto';

export const TC3_ALGORITHM = 'TC3-HMAC-SHA256';
export const TC3_JSON = 'application/json; charset=utf-8';

export interface Tc3Request {
  secretId: string;
  secretKey: string;
  /** Product name, the first label of the host (sms, cvm, …); part of the credential scope. */
  service: string;
  /** The Host the request is sent to (host[:port]), exactly as the HTTP client will send it. */
  host: string;
  action: string;
  version: string;
  region?: string;
  /** Unix seconds. The server rejects a signature more than five minutes off its clock. */
  timestamp: number;
  /** The exact body bytes that will be sent: the signature covers them. */
  payload: string;
  /** Defaults to JSON; must match the Content-Type actually sent, charset included. */
  contentType?: string;
  /** Session token of temporary (STS) credentials. */
  token?: string;
}

export interface Tc3Signed {
  authorization: string;
  /**
   * Headers to send. Host is absent on purpose: fetch derives it from the URL and ignores an
   * explicit one, which is why `host` must be the URL's host.
   */
  headers: Record<string, string>;
  canonicalRequest: string;
  stringToSign: string;
  signature: string;
}

export function sha256Hex(data: string): string {
  return createHash('sha256').update(data, 'utf8').digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The credential-scope date is the UTC date of the timestamp, never the local one. */
export function tc3Date(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

/**
 * POST to "/" with no query string; content-type and host are the signed headers (the minimum
 * the provider requires, and what its example signs).
 */
export function tc3CanonicalRequest(opts: {
  host: string;
  contentType: string;
  payload: string;
}): string {
  const canonicalHeaders = `content-type:${opts.contentType.trim().toLowerCase()}\nhost:${opts.host.trim().toLowerCase()}\n`;
  return ['POST', '/', '', canonicalHeaders, 'content-type;host', sha256Hex(opts.payload)].join(
    '\n',
  );
}

export function tc3StringToSign(opts: {
  timestamp: number;
  service: string;
  canonicalRequest: string;
}): string {
  const scope = `${tc3Date(opts.timestamp)}/${opts.service}/tc3_request`;
  return [TC3_ALGORITHM, String(opts.timestamp), scope, sha256Hex(opts.canonicalRequest)].join(
    '\n',
  );
}

export function tc3Signature(opts: {
  secretKey: string;
  timestamp: number;
  service: string;
  stringToSign: string;
}): string {
  const secretDate = hmac(`TC3${opts.secretKey}`, tc3Date(opts.timestamp));
  const secretService = hmac(secretDate, opts.service);
  const secretSigning = hmac(secretService, 'tc3_request');
  return createHmac('sha256', secretSigning).update(opts.stringToSign, 'utf8').digest('hex');
}

export function signTc3(req: Tc3Request): Tc3Signed {
  const contentType = req.contentType ?? TC3_JSON;
  const canonicalRequest = tc3CanonicalRequest({
    host: req.host,
    contentType,
    payload: req.payload,
  });
  const stringToSign = tc3StringToSign({
    timestamp: req.timestamp,
    service: req.service,
    canonicalRequest,
  });
  const signature = tc3Signature({
    secretKey: req.secretKey,
    timestamp: req.timestamp,
    service: req.service,
    stringToSign,
  });
  const scope = `${tc3Date(req.timestamp)}/${req.service}/tc3_request`;
  const authorization = `${TC3_ALGORITHM} Credential=${req.secretId}/${scope}, SignedHeaders=content-type;host, Signature=${signature}`;
  const headers: Record<string, string> = {
    Authorization: authorization,
    'Content-Type': contentType,
    'X-TC-Action': req.action,
    'X-TC-Timestamp': String(req.timestamp),
    'X-TC-Version': req.version,
  };
  if (req.region) headers['X-TC-Region'] = req.region;
  if (req.token) headers['X-TC-Token'] = req.token;
  return { authorization, headers, canonicalRequest, stringToSign, signature };
}
