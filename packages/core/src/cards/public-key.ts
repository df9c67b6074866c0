/**
 * The registry's card key, as it publishes it (GET /v1/card-public-key: an SPKI PEM), to the
 * 32 bytes of an Ed25519 public key: the SPKI of Ed25519 is a fixed 12-byte prefix and the key.
 */
import { decodeBase64 } from './base64'

const ED25519_SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

/** The SPKI DER of a PEM 'PUBLIC KEY', if it is an Ed25519 key. */
export function ed25519SpkiFromPem(pem: string): Uint8Array | undefined {
  if (typeof pem !== 'string') return undefined
  const m = /-----BEGIN PUBLIC KEY-----([\s\S]+?)-----END PUBLIC KEY-----/.exec(pem)
  const der = m ? decodeBase64(m[1] as string) : undefined
  if (!der || der.length !== 44 || !ED25519_SPKI_PREFIX.every((b, i) => der[i] === b)) return undefined
  return der
}

/** The raw 32-byte key inside an Ed25519 SPKI. */
export const rawEd25519Key = (spki: Uint8Array): Uint8Array => spki.subarray(12)
