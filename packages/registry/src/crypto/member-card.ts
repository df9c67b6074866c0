/**
 * Electronic membership cards: a card number and a QR payload signed by the registry with
 * Ed25519, verifiable offline with the registry's public key (served at /v1/card-public-key).
 * Payload: 'RUHUI1.<base64url JSON>.<base64url signature>'; the JSON holds no ID number.
 */
import { createPublicKey, randomInt, sign, verify } from 'node:crypto'
import type { KeyRing } from './keys'

export interface CardClaims {
  /** Card number. */
  no: string
  org: string
  /** Masked name, e.g. '*三'. */
  name: string
  /** Join date 'YYYY-MM-DD'. */
  since: string
  iat: string
}

export function newCardNumber(): string {
  // 'RH' + 14 digits + a Luhn-free MOD 11-2 style check is overkill here: 16 random digits.
  let digits = ''
  for (let i = 0; i < 16; i++) digits += String(randomInt(10))
  return `RH${digits}`
}

export function signCard(keys: KeyRing, claims: CardClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
  const sig = sign(null, Buffer.from(body), keys.cardPrivateKey).toString('base64url')
  return `RUHUI1.${body}.${sig}`
}

/** Verify a card payload with only the public key (what an offline scanner does). */
export function verifyCard(publicKeyPem: string, payload: string): CardClaims | undefined {
  const [tag, body, sig] = payload.split('.')
  if (tag !== 'RUHUI1' || !body || !sig) return undefined
  const ok = verify(null, Buffer.from(body), createPublicKey(publicKeyPem), Buffer.from(sig, 'base64url'))
  return ok ? (JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as CardClaims) : undefined
}
