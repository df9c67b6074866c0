/**
 * `@ruhui/core/cards`: member cards checked offline — the QR payload's signature with the
 * registry's public key (GET /v1/card-public-key), on WebCrypto. Revocation is known only to the
 * registry: GET /v1/cards/verify (the client's `cards.verify`). No Ed25519 in WebCrypto here:
 * `@ruhui/core/cards-js`.
 */
export { verifyMemberCard, webCryptoEd25519 } from './verify-member-card'
export type { Ed25519Verify, MemberCardCheck } from './verify-member-card'
export { parseCardPayload } from './card-payload'
export type { MemberCardClaims, ParsedCardPayload } from './card-payload'
