/**
 * Offline checks of a member card (issue #16): the QR payload's Ed25519 signature with the
 * registry's public key (GET /v1/card-public-key), on WebCrypto. A signature says the registry
 * issued the card, not that it still holds: a card revoked since (the member left, or a transfer
 * replaced it) is only known to the registry — ask GET /v1/cards/verify when online.
 * Hosts without Ed25519 in WebCrypto (older browsers, mini-programs): `@ruhui/core/cards-js`.
 */
import { type MemberCardClaims, parseCardPayload } from './card-payload'
import { ed25519SpkiFromPem } from './public-key'

/** Checks one Ed25519 signature; `spki` is the key's SPKI DER. Throws `unsupported` errors by returning undefined. */
export type Ed25519Verify = (spki: Uint8Array, signature: Uint8Array, message: Uint8Array) => Promise<boolean | undefined>

export type MemberCardCheck =
  | { ok: true; claims: MemberCardClaims }
  /** malformed: not a card payload; bad_key: not an Ed25519 public key PEM; bad_signature: not signed by that key; unsupported: no Ed25519 here. */
  | { ok: false; reason: 'malformed' | 'bad_key' | 'bad_signature' | 'unsupported' }

interface SubtleLike {
  importKey(format: 'spki', key: Uint8Array, alg: { name: 'Ed25519' }, extractable: false, usages: ['verify']): Promise<unknown>
  verify(alg: { name: 'Ed25519' }, key: unknown, signature: Uint8Array, data: Uint8Array): Promise<boolean>
}

/** Ed25519 on WebCrypto (Node ≥ 20, Chrome ≥ 113, Safari ≥ 17, Firefox ≥ 129); undefined where it is missing. */
export const webCryptoEd25519: Ed25519Verify = async (spki, signature, message) => {
  const subtle = (globalThis as unknown as { crypto?: { subtle?: SubtleLike } }).crypto?.subtle
  if (!subtle) return undefined
  let key: unknown
  try {
    key = await subtle.importKey('spki', spki, { name: 'Ed25519' }, false, ['verify'])
  } catch {
    return undefined // NotSupportedError: this WebCrypto has no Ed25519
  }
  return subtle.verify({ name: 'Ed25519' }, key, signature, message)
}

/**
 * Check a member card's QR payload with the registry's public key, offline.
 * @example
 * const r = await verifyMemberCard(scanned, publicKeyPem)
 * if (r.ok) show(r.claims.maskedName, r.claims.orgId) // signed by the registry; revocation needs GET /v1/cards/verify
 * else if (r.reason === 'unsupported') // use verifyMemberCardJs from '@ruhui/core/cards-js'
 */
export async function verifyMemberCard(payload: string, publicKeyPem: string, options: { ed25519?: Ed25519Verify } = {}): Promise<MemberCardCheck> {
  const spki = ed25519SpkiFromPem(publicKeyPem)
  if (!spki) return { ok: false, reason: 'bad_key' }
  const parsed = parseCardPayload(payload)
  if (!parsed) return { ok: false, reason: 'malformed' }
  const ok = await (options.ed25519 ?? webCryptoEd25519)(spki, parsed.signature, parsed.signed)
  if (ok === undefined) return { ok: false, reason: 'unsupported' }
  return ok ? { ok: true, claims: parsed.claims } : { ok: false, reason: 'bad_signature' }
}
