/**
 * `@ruhui/core/webhooks`: async webhook signing and verification on WebCrypto
 * (`crypto.subtle`: Node ≥ 20, browsers, edge runtimes). Same results as `@ruhui/core/node`.
 */
import type { RegistryEvent } from '../contract/events'
import { SdkError } from '../errors'
import { parseEvent } from './parse-event'
import {
  type SignOptions,
  type VerifyOptions,
  checkTolerance,
  constantTimeEqualHex,
  formatHeader,
  mismatch,
  parseSignatureHeader,
  rawBytes,
  secretsOf,
  signedBytes,
  toHex,
  utf8,
} from './signature'

interface SubtleLike {
  importKey(format: 'raw', key: Uint8Array, alg: { name: 'HMAC'; hash: 'SHA-256' }, extractable: false, usages: ['sign']): Promise<unknown>
  sign(alg: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>
}

function subtle(): SubtleLike {
  const s = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle
  if (s === undefined) throw new SdkError('unsupported_platform', '[@ruhui/core] no crypto.subtle here; use verifyWebhook from @ruhui/core/node on Node')
  return s
}

/** Hex HMAC-SHA256 of `data` under `secret`. */
export async function hmacSha256HexAsync(secret: string, data: Uint8Array): Promise<string> {
  const key = await subtle().importKey('raw', utf8(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign'])
  return toHex(new Uint8Array(await subtle().sign('HMAC', key, data)))
}

/** The `Ruhui-Signature` header for a raw body, one v1 per secret. */
export async function signWebhookAsync(payload: string | Uint8Array, secret: string | readonly string[], options: SignOptions = {}): Promise<string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
  const data = signedBytes(timestamp, rawBytes(payload))
  const signatures = await Promise.all(secretsOf(secret).map((s) => hmacSha256HexAsync(s, data)))
  return formatHeader(timestamp, signatures)
}

/** Verify a delivery and return the event; throws `WebhookSignatureError` saying what is wrong. */
export async function verifyWebhookAsync(payload: unknown, header: unknown, secret: string | readonly string[], options: VerifyOptions = {}): Promise<RegistryEvent> {
  const body = rawBytes(payload)
  const parsed = parseSignatureHeader(header)
  checkTolerance(parsed.timestamp, options)
  const data = signedBytes(parsed.timestamp, body)
  let matched = false
  for (const s of secretsOf(secret)) {
    const expected = await hmacSha256HexAsync(s, data)
    for (const candidate of parsed.signatures) if (constantTimeEqualHex(expected, candidate)) matched = true
  }
  if (!matched) throw mismatch()
  return parseEvent(body)
}
