/**
 * A membership's life at its union (issue #16, DOMAIN.md §7.2): 保留会籍 (retain: retired or out
 * of work; the card stays valid), restore (back to active, from retained, or after an expulsion
 * the union reverses: the card is issued again), 开除会籍 (expel, with a reason: the card is
 * revoked), and a member's 退会 confirmed or declined (leave-requests.ts makes the change and checks
 * the subtree; this file tells the driver and the platform). Staff of the member's union subtree
 * only (anyone else gets 404, as for a card that does not exist); every action is kept in
 * review_actions with its reason and in the audit log; the driver hears of each by SMS (when
 * configured), the platform of an expulsion or a confirmed leave only with the driver's consent.
 * A member in a transfer is left to the transfer. */
import { decideLeaveRequest } from './leave-requests'
import { reissueCard, revokeCards } from './member-cards'
import { recordMembershipEvent } from './membership-events'
import { noticeMembershipEnded } from './membership-notice'
import { newId } from '../crypto/hashing'
import { smsForMembership } from '../notify/decision-sms'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { requireInScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
export type MemberAction = 'retain' | 'restore' | 'expel'

/** From which statuses each action goes, and to which. */
const MOVES: Record<MemberAction, { from: readonly string[]; to: string; event: 'retained' | 'restored' | 'expelled' }> = {
  retain: { from: ['active'], to: 'retained', event: 'retained' },
  restore: { from: ['retained', 'expelled'], to: 'active', event: 'restored' },
  expel: { from: ['active', 'retained'], to: 'expelled', event: 'expelled' },
}

/** The card was there when looked up and is gone in the write (the member joined again meanwhile: a new card number): a conflict, not a 500. */
const cardChanged = () => new Refusal('lock_conflict', { param: 'card_number', message: '会籍刚刚被他人办理，请刷新后查看', en: 'The membership changed meanwhile (a new card); reload it' })

const audit = (reviewer: Reviewer, action: string, subject: string, now: string) => ({ actor: reviewer.id, action, subject, created_at: now })

/** Retain, restore or expel the member holding `cardNumber`; expelling needs a reason. */
export async function actOnMember(ctx: RegistryContext, reviewer: Reviewer, cardNumber: string, action: MemberAction, reason: string | undefined) {
  const move = MOVES[action]
  if (action === 'expel' && !reason?.trim()) throw new Refusal('parameter_missing', { param: 'reason', message: '开除会籍须写明理由', en: 'Expelling a member needs a reason' })
  const found = await ctx.db.selectFrom('members').select(['org_id']).where('card_number', '=', cardNumber).executeTakeFirst()
  if (!found) throw new Refusal('not_found', { param: 'card_number' })
  requireInScope(ctx, reviewer, found.org_id)
  const result = await ctx.writer.run(async (trx) => {
    // Read again in the write: another reviewer (or a transfer) may have changed it meanwhile.
    const m = await trx.selectFrom('members').selectAll().where('card_number', '=', cardNumber).executeTakeFirst()
    if (!m) throw cardChanged()
    if (m.status === 'transferring') throw new Refusal('membership_not_active', { message: '会员正在办理转接，请先完成或拒绝转接', en: 'The member is being transferred; finish or refuse the transfer first' })
    if (!move.from.includes(m.status)) throw new Refusal('membership_not_active', { message: `会籍当前状态不能执行该操作（${m.status}）`, en: `The membership's status (${m.status}) does not allow this` })
    const at = ctx.now()
    const now = iso(at)
    const r = await trx.updateTable('members').set({ status: move.to, updated_at: now }).where('person_key', '=', m.person_key).where('status', '=', m.status).executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new Refusal('lock_conflict', { message: '会籍刚刚被他人办理，请刷新后查看' })
    if (action === 'expel') {
      await revokeCards(trx, m.person_key, 'expelled', at)
      // A request to leave still waiting is moot now.
      await trx.updateTable('leave_requests').set({ status: 'cancelled', open_key: null, decided_at: now, reviewer_id: reviewer.reviewerId }).where('person_key', '=', m.person_key).where('status', '=', 'pending').execute()
    }
    if (action === 'restore' && m.status === 'expelled') await reissueCard(ctx, trx, m.person_key, at)
    await recordMembershipEvent(trx, { personKey: m.person_key, kind: move.event, orgId: m.org_id, reason: reason?.trim() || null, now: at })
    await trx.insertInto('review_actions').values({ id: newId('rva'), subject_id: cardNumber, reviewer_id: reviewer.id, action: `member_${action}`, reason: reason?.trim() || null, created_at: now }).execute()
    await trx.insertInto('audit_log').values(audit(reviewer, `member_${action}`, cardNumber, now)).execute()
    const sms = ({ retain: 'membership_retained', restore: 'membership_restored', expel: 'expelled' } as const)[action]
    await smsForMembership(ctx, trx, sms, { personKey: m.person_key, orgId: m.org_id, subjectId: cardNumber })
    if (action === 'expel') await noticeMembershipEnded(ctx, trx, 'membership.expelled', m.person_key)
    return { object: 'member' as const, card_number: cardNumber, org_id: m.org_id, status: move.to, join_date: m.join_date }
  })
  return result
}

/**
 * The earlier status route (`POST /v1/review/members/{card}/status`), kept for API users: 'retained'
 * retains, 'active' restores, 'withdrawn' is a leave the union records for the member (the card
 * is revoked, as when it confirms the member's own request).
 */
export async function setMemberStatus(ctx: RegistryContext, reviewer: Reviewer, cardNumber: string, status: string, reason: string | undefined) {
  if (status === 'retained') return actOnMember(ctx, reviewer, cardNumber, 'retain', reason)
  if (status === 'active') return actOnMember(ctx, reviewer, cardNumber, 'restore', reason)
  if (status !== 'withdrawn') throw new Refusal('parameter_invalid', { param: 'status' })
  const found = await ctx.db.selectFrom('members').select(['org_id']).where('card_number', '=', cardNumber).executeTakeFirst()
  if (!found) throw new Refusal('not_found', { param: 'card_number' })
  requireInScope(ctx, reviewer, found.org_id)
  return ctx.writer.run(async (trx) => {
    const m = await trx.selectFrom('members').selectAll().where('card_number', '=', cardNumber).executeTakeFirst()
    if (!m) throw cardChanged()
    if (!['active', 'retained'].includes(m.status)) throw new Refusal('membership_not_active', { message: `会籍当前状态不能办理退会（${m.status}）` })
    const at = ctx.now()
    const now = iso(at)
    await trx.updateTable('members').set({ status: 'withdrawn', updated_at: now }).where('person_key', '=', m.person_key).execute()
    await revokeCards(trx, m.person_key, 'withdrawn', at)
    await trx.updateTable('leave_requests').set({ status: 'confirmed', open_key: null, decided_at: now, reviewer_id: reviewer.reviewerId }).where('person_key', '=', m.person_key).where('status', '=', 'pending').execute()
    await recordMembershipEvent(trx, { personKey: m.person_key, kind: 'left', orgId: m.org_id, reason: reason ?? null, now: at })
    await trx.insertInto('review_actions').values({ id: newId('rva'), subject_id: cardNumber, reviewer_id: reviewer.id, action: 'member_withdrawn', reason: reason ?? null, created_at: now }).execute()
    await trx.insertInto('audit_log').values(audit(reviewer, 'member_withdraw', cardNumber, now)).execute()
    await smsForMembership(ctx, trx, 'leave_confirmed', { personKey: m.person_key, orgId: m.org_id, subjectId: cardNumber })
    await noticeMembershipEnded(ctx, trx, 'membership.withdrawn', m.person_key)
    return { object: 'member' as const, card_number: cardNumber, org_id: m.org_id, status: 'withdrawn', join_date: m.join_date }
  })
}

/**
 * Confirm (the member leaves; the card is revoked) or decline a member's request to leave: the
 * change is leave-requests.ts's (subtree checked there); the audit log and the driver's SMS follow
 * here, in a second write (the change is already kept when the SMS is queued).
 */
export async function decideLeave(ctx: RegistryContext, reviewer: Reviewer, id: string, decision: 'confirm' | 'decline', reason: string | undefined) {
  const result = await decideLeaveRequest(ctx, reviewer, id, decision, reason?.trim() || undefined)
  await ctx.writer.run(async (trx) => {
    const lr = await trx.selectFrom('leave_requests').select(['person_key', 'org_id']).where('id', '=', id).executeTakeFirstOrThrow()
    await trx.insertInto('audit_log').values(audit(reviewer, `leave_${decision}`, id, iso(ctx.now()))).execute()
    await smsForMembership(ctx, trx, decision === 'confirm' ? 'leave_confirmed' : 'leave_declined', { personKey: lr.person_key, orgId: lr.org_id, subjectId: id })
    if (decision === 'confirm') await noticeMembershipEnded(ctx, trx, 'membership.withdrawn', lr.person_key)
  })
  return result
}
