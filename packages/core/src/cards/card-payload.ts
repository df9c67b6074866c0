/**
 * A member card's QR payload (issue #16): 'RUHUI1.<base64url JSON claims>.<base64url Ed25519 signature>',
 * the signature over the ASCII of the claims part. The claims hold no ID number.
 */
import { decodeUtf8, encodeUtf8 } from '../utf8'
import { decodeBase64 } from './base64'

/** What a card says, once its signature is checked. */
export interface MemberCardClaims {
  /** Card number, e.g. 'RH1234567890123456'. */
  number: string
  /** The union holding the membership when the card was issued. */
  orgId: string
  /** Masked, e.g. '**员'. */
  maskedName: string
  /** Join date (入会时间), 'YYYY-MM-DD'. */
  memberSince: string
  /** When this card was issued (a card is reissued after a transfer). */
  issuedAt: string
}

export interface ParsedCardPayload {
  claims: MemberCardClaims
  /** The bytes the signature covers. */
  signed: Uint8Array
  signature: Uint8Array
}

/** The parts of a payload, or undefined when it is not a card payload at all (the signature is not checked here). */
export function parseCardPayload(payload: unknown): ParsedCardPayload | undefined {
  if (typeof payload !== 'string' || payload.length > 4096) return undefined
  const parts = payload.trim().split('.')
  if (parts.length !== 3 || parts[0] !== 'RUHUI1') return undefined
  const [, body, sig] = parts as [string, string, string]
  const json = decodeBase64(body)
  const signature = decodeBase64(sig)
  if (!json || !signature || signature.length !== 64) return undefined
  let raw: unknown
  try {
    raw = JSON.parse(decodeUtf8(json))
  } catch {
    return undefined
  }
  const c = raw as Record<string, unknown>
  if (typeof raw !== 'object' || raw === null || ![c.no, c.org, c.name, c.since, c.iat].every((v) => typeof v === 'string')) return undefined
  return { claims: { number: c.no as string, orgId: c.org as string, maskedName: c.name as string, memberSince: c.since as string, issuedAt: c.iat as string }, signed: encodeUtf8(body), signature }
}
