/**
 * Webhook signatures (shared by the Node and WebCrypto variants): header
 * `Ruhui-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">[,v1=…]`.
 * Several v1 values let a receiver rotate secrets without missing events.
 */
import { SdkError } from '../errors'
import { encodeUtf8 } from '../utf8'

export const SIGNATURE_HEADER = 'Ruhui-Signature'
/** Default replay window, seconds either side of now. */
export const DEFAULT_TOLERANCE_SECONDS = 300

export type WebhookErrorCode =
  | 'missing_signature_header'
  | 'malformed_signature_header'
  | 'timestamp_outside_tolerance'
  | 'signature_mismatch'
  | 'payload_not_raw'
  | 'invalid_payload'

export class WebhookSignatureError extends SdkError {
  constructor(code: WebhookErrorCode, message: string) {
    super(code, `[@ruhui/core] ${message}`)
    this.name = 'WebhookSignatureError'
  }
}

/** True for a WebhookSignatureError, even one from another copy of the package. */
export function isWebhookSignatureError(error: unknown): error is WebhookSignatureError {
  return error instanceof Error && error.name === 'WebhookSignatureError'
}

export interface VerifyOptions {
  /** Seconds either side of now; 0 turns the check off. @default 300 */
  toleranceSeconds?: number
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number
}

export interface SignOptions {
  /** Unix seconds. @default now */
  timestamp?: number
}

/** The raw body as bytes; anything else is the usual mistake of passing a parsed body. */
export function rawBytes(payload: unknown): Uint8Array {
  if (typeof payload === 'string') return utf8(payload)
  if (payload instanceof Uint8Array) return payload
  if (payload instanceof ArrayBuffer) return new Uint8Array(payload)
  throw new WebhookSignatureError(
    'payload_not_raw',
    `verifyWebhook needs the raw request body (a string or Buffer), got ${payload === null ? 'null' : typeof payload}. ` +
      'A parsed body cannot be verified: re-serialising changes the bytes. In Express use express.raw({ type: "application/json" }) for this route.',
  )
}

export function utf8(s: string): Uint8Array {
  return encodeUtf8(s)
}

/** The bytes that are signed: "<t>." followed by the raw body. */
export function signedBytes(timestamp: number, body: Uint8Array): Uint8Array {
  const prefix = utf8(`${timestamp}.`)
  const out = new Uint8Array(prefix.length + body.length)
  out.set(prefix, 0)
  out.set(body, prefix.length)
  return out
}

export interface ParsedHeader {
  timestamp: number
  signatures: string[]
}

export function parseSignatureHeader(header: unknown): ParsedHeader {
  const value = Array.isArray(header) ? header[0] : header
  if (typeof value !== 'string' || value.trim() === '') {
    throw new WebhookSignatureError('missing_signature_header', `no ${SIGNATURE_HEADER} header; is this request from the ruhui registry?`)
  }
  let timestamp: number | undefined
  const signatures: string[] = []
  for (const part of value.split(',')) {
    const at = part.indexOf('=')
    const key = part.slice(0, at).trim()
    const v = part.slice(at + 1).trim()
    if (key === 't' && /^\d{1,12}$/.test(v)) timestamp = Number(v)
    else if (key === 'v1' && /^[0-9a-f]{64}$/.test(v)) signatures.push(v)
  }
  if (timestamp === undefined || signatures.length === 0) {
    throw new WebhookSignatureError('malformed_signature_header', `${SIGNATURE_HEADER} must look like "t=1764316800,v1=<64 hex>"`)
  }
  return { timestamp, signatures }
}

export function checkTolerance(timestamp: number, options: VerifyOptions): void {
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS
  if (tolerance <= 0) return
  const now = Math.floor((options.now ?? Date.now)() / 1000)
  if (Math.abs(now - timestamp) > tolerance) {
    throw new WebhookSignatureError(
      'timestamp_outside_tolerance',
      `the signature's timestamp is ${now - timestamp} s from now, outside ±${tolerance} s: a replay, or a clock that is off`,
    )
  }
}

export function mismatch(): WebhookSignatureError {
  return new WebhookSignatureError(
    'signature_mismatch',
    'no signature matched. The usual cause is verifying a body that was parsed and re-serialised (e.g. express.json() ran first) instead of the raw bytes; otherwise check the endpoint secret.',
  )
}

/** Compare two hex strings in time that does not depend on where they differ. */
export function constantTimeEqualHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}

export function formatHeader(timestamp: number, signatures: string[]): string {
  return [`t=${timestamp}`, ...signatures.map((s) => `v1=${s}`)].join(',')
}

export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += (bytes[i] as number).toString(16).padStart(2, '0')
  return s
}

export function secretsOf(secret: string | readonly string[]): readonly string[] {
  const list = typeof secret === 'string' ? [secret] : secret
  if (list.length === 0 || list.some((s) => typeof s !== 'string' || s === '')) throw new SdkError('invalid_options', '[@ruhui/core] a webhook secret must be a non-empty string')
  return list
}
