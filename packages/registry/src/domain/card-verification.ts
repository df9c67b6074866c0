/**
 * Checking a member card (issue #16, GET /v1/cards/verify): the QR payload's signature with the
 * registry's card key, then the card itself — in force and the membership active, transferring or
 * retained: valid; replaced, or the member left or was expelled: revoked; anything else: unknown.
 * The answer names the union and the masked name only, never why a card was revoked.
 */
import type { CardVerification } from '@ruhui/core/contract'
import { toChinaTime } from '@ruhui/core/contract'
import { verifyCard } from '../crypto/member-card'
import type { RegistryContext } from './context'
import { cardByPayload } from './member-cards'

const IN_FORCE = ['active', 'transferring', 'retained']

export async function verifyCardPayload(ctx: RegistryContext, payload: string): Promise<CardVerification> {
  const checkedAt = toChinaTime(ctx.now())
  const unknown: CardVerification = { object: 'card_verification', result: 'unknown', card_number: null, union_name: null, member_name: null, member_since: null, checked_at: checkedAt }
  let claims: ReturnType<typeof verifyCard>
  try {
    claims = verifyCard(ctx.keys.cardPublicKeyPem, payload.trim())
  } catch {
    return unknown // not base64url, not JSON, a signature of the wrong length …
  }
  if (!claims) return unknown
  const card = await cardByPayload(ctx.db, payload.trim())
  if (!card) return unknown
  const member = await ctx.db.selectFrom('members').select(['status']).where('person_key', '=', card.person_key).executeTakeFirst()
  const valid = card.revoked_at === null && member !== undefined && IN_FORCE.includes(member.status)
  return {
    object: 'card_verification',
    result: valid ? 'valid' : 'revoked',
    card_number: card.card_number,
    union_name: ctx.directory().byId.get(card.org_id)?.name ?? null,
    member_name: claims.name,
    member_since: claims.since,
    checked_at: checkedAt,
  }
}
