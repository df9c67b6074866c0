import { type RegistryEvent, event } from '../contract/events'
import { decodeUtf8 } from '../utf8'
import { WebhookSignatureError } from './signature'

/** The verified body as a typed event (validated against the contract). */
export function parseEvent(body: Uint8Array): RegistryEvent {
  let json: unknown
  try {
    json = JSON.parse(decodeUtf8(body))
  } catch {
    throw new WebhookSignatureError('invalid_payload', 'the signature is valid but the body is not JSON')
  }
  const checked = event.safeParse(json)
  if (!checked.success) throw new WebhookSignatureError('invalid_payload', `the signature is valid but the body is not a ruhui event (${checked.error.issues[0]?.path.join('.') ?? ''})`)
  return checked.data
}
