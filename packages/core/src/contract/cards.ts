/**
 * Checking a member card (issue #16): a service point (司机之家) or an insurer scans the card's QR
 * code and asks the registry, with no credential, whether it is valid. The answer names the union
 * and the masked name only. Offline: `verifyMemberCard` in `@ruhui/core` (the signature alone).
 */
import * as z from 'zod/mini'
import { CARD_CHECK_RESULTS } from '../enums'
import { timestamp } from './common'

export { CARD_CHECK_RESULTS }

export const cardVerifyQuery = z.object({
  /** The QR code's text: 'RUHUI1.<claims>.<signature>'. */
  payload: z.string().check(z.minLength(1), z.maxLength(2048)),
})

export const cardVerification = z.object({
  object: z.literal('card_verification'),
  /** valid: signed by this registry and in force; revoked: the member left, was expelled, or the card was replaced (after a transfer); unknown: not a card of this registry. */
  result: z.enum(CARD_CHECK_RESULTS),
  /** The rest is null when the result is unknown. */
  card_number: z.nullable(z.string()),
  union_name: z.nullable(z.string()),
  /** Masked, as on the card: '*三'. */
  member_name: z.nullable(z.string()),
  /** Join date (入会时间), 'YYYY-MM-DD'. */
  member_since: z.nullable(z.string()),
  checked_at: timestamp,
})

export type CardVerifyQuery = z.infer<typeof cardVerifyQuery>
export type CardVerification = z.infer<typeof cardVerification>
