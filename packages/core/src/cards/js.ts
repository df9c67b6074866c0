/**
 * `@ruhui/core/cards-js`: offline member-card checks on hosts without Ed25519 in WebCrypto (older
 * browsers, WeChat and other mini-programs): the same `verifyMemberCard`, with a pure-JavaScript
 * Ed25519 (@noble/ed25519, strict RFC 8032 rules) and SHA-512. In its own entry so that hosts with
 * WebCrypto do not carry it.
 */
import { hashes, verify } from '@noble/ed25519'
import { rawEd25519Key } from './public-key'
import { sha512 } from './sha512'
import { type Ed25519Verify, type MemberCardCheck, verifyMemberCard } from './verify-member-card'

/** Ed25519 in plain JavaScript. */
export const jsEd25519: Ed25519Verify = async (spki, signature, message) => {
  // noble's synchronous path needs a SHA-512 (set here, not on import: the package has no side effects); a host's own is kept.
  if (!hashes.sha512) hashes.sha512 = sha512 as NonNullable<typeof hashes.sha512>
  try {
    return verify(signature, message, rawEd25519Key(spki), { zip215: false })
  } catch {
    return false // a point that is not on the curve, a signature out of range
  }
}

/**
 * `verifyMemberCard` with the pure-JavaScript Ed25519.
 * @example
 * // in a mini-program, with verifyMemberCardJs imported from the cards-js entry
 * const r = await verifyMemberCardJs(scanned, publicKeyPem)
 */
export function verifyMemberCardJs(payload: string, publicKeyPem: string): Promise<MemberCardCheck> {
  return verifyMemberCard(payload, publicKeyPem, { ed25519: jsEd25519 })
}

export { sha512 }
export type { MemberCardCheck, MemberCardClaims } from './index'
