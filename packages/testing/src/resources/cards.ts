/**
 * Member cards in the sandbox (issue #16): issued on approval, reissued naming the new union when a
 * transfer completes, revoked when the member leaves or is expelled; GET /v1/cards/verify looks the
 * payload up. The payload is 'ruhui-sandbox:<number>:<n>' — not signed (the registry signs with
 * Ed25519; test verifyMemberCard against a real registry or your own key).
 */
import type { CardVerification } from '@ruhui/core/contract'
import { type Ctx, nowIso } from '../http-kit'
import type { SandboxState } from '../state'

export function issueCard(state: SandboxState, personKey: string, card: { number: string; orgId: string; maskedName: string; since: string }) {
  for (const c of state.cards.values()) if (c.personKey === personKey) c.revoked = true
  const issuedAt = nowIso(state)
  const payload = `ruhui-sandbox:${card.number}:${state.cards.size + 1}`
  state.cards.set(payload, { personKey, ...card, issuedAt, revoked: false })
  return { number: card.number, qr_payload: payload, issued_at: issuedAt }
}

export function revokeCards(state: SandboxState, personKey: string): void {
  for (const c of state.cards.values()) if (c.personKey === personKey) c.revoked = true
}

export function currentCard(state: SandboxState, personKey: string) {
  for (const [payload, c] of state.cards) if (c.personKey === personKey && !c.revoked) return { number: c.number, qr_payload: payload, issued_at: c.issuedAt }
  return null
}

export function verifyCard(ctx: Ctx, payload: string): CardVerification {
  const { state } = ctx
  const c = state.cards.get(payload.trim())
  const checkedAt = nowIso(state)
  if (!c) return { object: 'card_verification', result: 'unknown', card_number: null, union_name: null, member_name: null, member_since: null, checked_at: checkedAt }
  const m = state.members.get(c.personKey)
  const valid = !c.revoked && m !== undefined && ['active', 'transferring', 'retained'].includes(m.status)
  return { object: 'card_verification', result: valid ? 'valid' : 'revoked', card_number: c.number, union_name: state.directory.byId.get(c.orgId)?.name ?? null, member_name: c.maskedName, member_since: c.since, checked_at: checkedAt }
}
