/**
 * `@ruhui/core/node`: synchronous webhook signing and verification on Node's crypto
 * (createHmac, timingSafeEqual). Same results as the WebCrypto variant in `@ruhui/core/webhooks`.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import type { RegistryEvent } from '../contract/events'
import { parseEvent } from './parse-event'
import { type SignOptions, type VerifyOptions, checkTolerance, formatHeader, mismatch, parseSignatureHeader, rawBytes, secretsOf, signedBytes } from './signature'

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}

function hmacHex(secret: string, data: Uint8Array): string {
  return createHmac('sha256', secret).update(data).digest('hex')
}

/** The `Ruhui-Signature` header for a raw body, one v1 per secret. */
export function signWebhook(payload: string | Uint8Array, secret: string | readonly string[], options: SignOptions = {}): string {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000)
  const data = signedBytes(timestamp, rawBytes(payload))
  return formatHeader(timestamp, secretsOf(secret).map((s) => hmacHex(s, data)))
}

/**
 * Verify a delivery and return the event; throws `WebhookSignatureError` saying what is wrong.
 * @example
 * app.post('/webhooks/ruhui', express.raw({ type: 'application/json' }), (req, res) => {
 *   const event = verifyWebhook(req.body, req.headers['ruhui-signature'], process.env.RUHUI_WEBHOOK_SECRET)
 * })
 */
export function verifyWebhook(payload: unknown, header: unknown, secret: string | readonly string[], options: VerifyOptions = {}): RegistryEvent {
  const body = rawBytes(payload)
  const parsed = parseSignatureHeader(header)
  checkTolerance(parsed.timestamp, options)
  const data = signedBytes(parsed.timestamp, body)
  let matched = false
  for (const s of secretsOf(secret)) {
    const expected = createHmac('sha256', s).update(data).digest()
    for (const candidate of parsed.signatures) {
      const got = hexBytes(candidate)
      if (got.length === expected.length && timingSafeEqual(got, expected)) matched = true
    }
  }
  if (!matched) throw mismatch()
  return parseEvent(body)
}

/** A valid header for a payload, for integrators' tests: `generateTestWebhookHeader({ payload, secret })`. */
export function generateTestWebhookHeader(options: { payload: string | Uint8Array; secret: string | readonly string[]; timestamp?: number }): string {
  return signWebhook(options.payload, options.secret, options.timestamp === undefined ? {} : { timestamp: options.timestamp })
}

export { WebhookSignatureError, isWebhookSignatureError, SIGNATURE_HEADER, DEFAULT_TOLERANCE_SECONDS } from './signature'
export type { WebhookErrorCode, VerifyOptions, SignOptions } from './signature'
