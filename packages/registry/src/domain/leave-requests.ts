/**
 * 退会 (issue #16): the member asks to leave, with a reason; the request waits for the union that
 * holds the membership, which confirms it (the member is then withdrawn and the card revoked) or
 * declines it with a reason. The member may cancel while it waits. One pending request per person.
 *
 * The console's review API: `pendingLeaveRequests(ctx, reviewer)` and
 * `decideLeaveRequest(ctx, reviewer, id, 'confirm' | 'decline', reason?)` (staff of the union's subtree only).
 */
import { type LeaveRequestCreate, type Membership, toChinaTime } from '@ruhui/core/contract'
import { decryptField, encryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import { isUniqueViolation } from '../db/write-queue'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { revokeCards } from './member-cards'
import { membershipOf, requireMember } from './membership'
import { recordMembershipEvent } from './membership-events'
import { requireInScope, reviewerScope } from './scope'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>
type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export async function requestLeave(ctx: RegistryContext, caller: TokenCaller, body: LeaveRequestCreate): Promise<Membership> {
  const { personKey, member } = await requireMember(ctx, caller, ['active', 'retained', 'transferring'])
  if (member.status === 'transferring') throw new Refusal('transfer_in_progress', { message: '会籍转接正在办理，请等转接办结后再申请退会' })
  const note = body.note?.trim()
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const row = {
      id: newId('lvr'),
      person_key: personKey,
      org_id: member.org_id,
      session_id: caller.sessionId,
      reason: body.reason,
      note_enc: note ? encryptField(ctx.keys, note, 'leave_note') : null,
      status: 'pending',
      open_key: personKey,
      created_at: iso(now),
      decided_at: null,
      reviewer_id: null,
      decision_reason: null,
    }
    const pending = await trx.selectFrom('leave_requests').select('id').where('open_key', '=', personKey).executeTakeFirst()
    if (pending) throw new Refusal('leave_pending')
    try {
      await trx.insertInto('leave_requests').values(row).execute()
    } catch (e) {
      if (isUniqueViolation(e)) throw new Refusal('leave_pending') // a concurrent request won
      throw e
    }
    await recordMembershipEvent(trx, { personKey, kind: 'leave_requested', orgId: member.org_id, now })
    const fresh = await trx.selectFrom('members').selectAll().where('person_key', '=', personKey).executeTakeFirstOrThrow()
    return membershipOf(ctx, personKey, fresh, trx)
  })
}

export async function cancelLeave(ctx: RegistryContext, caller: TokenCaller): Promise<Membership> {
  const { personKey } = await requireMember(ctx, caller, ['active', 'retained', 'transferring'])
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const r = await trx.updateTable('leave_requests').set({ status: 'cancelled', open_key: null, decided_at: iso(now) }).where('open_key', '=', personKey).where('status', '=', 'pending').executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new Refusal('no_pending_leave')
    const member = await trx.selectFrom('members').selectAll().where('person_key', '=', personKey).executeTakeFirstOrThrow()
    await recordMembershipEvent(trx, { personKey, kind: 'leave_cancelled', orgId: member.org_id, now })
    return membershipOf(ctx, personKey, member, trx)
  })
}

/** Pending requests to leave in the reviewer's subtree, oldest first: masked name, card number, reason, the member's note. */
export async function pendingLeaveRequests(ctx: RegistryContext, reviewer: Reviewer) {
  const scope = [...reviewerScope(ctx, reviewer)]
  const rows = await ctx.db
    .selectFrom('leave_requests')
    .innerJoin('members', 'members.person_key', 'leave_requests.person_key')
    .innerJoin('applications', 'applications.id', 'members.application_id')
    .select(['leave_requests.id', 'leave_requests.org_id', 'leave_requests.reason', 'leave_requests.note_enc', 'leave_requests.created_at', 'members.card_number', 'applications.name_masked'])
    .where('leave_requests.status', '=', 'pending')
    .where('leave_requests.org_id', 'in', scope)
    .orderBy('leave_requests.created_at')
    .limit(200)
    .execute()
  const directory = ctx.directory()
  return {
    object: 'list' as const,
    data: rows.map((r) => ({
      id: r.id,
      object: 'leave_request' as const,
      status: 'pending' as const,
      org_id: r.org_id,
      org_name: directory.byId.get(r.org_id)?.name ?? null,
      card_number: r.card_number,
      member_name: r.name_masked,
      reason: r.reason,
      note: r.note_enc ? decryptField(ctx.keys, r.note_enc, 'leave_note') : null,
      requested_at: toChinaTime(Date.parse(r.created_at)),
    })),
  }
}

/**
 * The union decides a pending request: 'confirm' withdraws the member (退会) and revokes the card;
 * 'decline' needs a reason, which the member sees. Staff outside the union's subtree get 404.
 */
export async function decideLeaveRequest(ctx: RegistryContext, reviewer: Reviewer, id: string, decision: 'confirm' | 'decline', reason?: string) {
  const req = await ctx.db.selectFrom('leave_requests').selectAll().where('id', '=', id).executeTakeFirst()
  if (!req) throw new Refusal('not_found', { param: 'id' })
  requireInScope(ctx, reviewer, req.org_id)
  const why = reason?.trim() || null
  if (decision === 'decline' && !why) throw new Refusal('parameter_missing', { param: 'reason', message: '请填写不同意退会的理由' })
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const status = decision === 'confirm' ? 'confirmed' : 'declined'
    const r = await trx.updateTable('leave_requests').set({ status, open_key: null, decided_at: iso(now), reviewer_id: reviewer.reviewerId, decision_reason: why })
      .where('id', '=', id).where('status', '=', 'pending').executeTakeFirst()
    if (Number(r.numUpdatedRows) !== 1) throw new Refusal('invalid_request', { message: '这份退会申请已经办理或已撤回，请刷新后查看' })
    if (decision === 'confirm') {
      await trx.updateTable('members').set({ status: 'withdrawn', updated_at: iso(now) }).where('person_key', '=', req.person_key).execute()
      await revokeCards(trx, req.person_key, 'withdrawn', now)
      await recordMembershipEvent(trx, { personKey: req.person_key, kind: 'left', orgId: req.org_id, reason: why, now })
    } else {
      await recordMembershipEvent(trx, { personKey: req.person_key, kind: 'leave_declined', orgId: req.org_id, reason: why, now })
    }
    await trx.insertInto('review_actions').values({ id: newId('rva'), subject_id: id, reviewer_id: reviewer.reviewerId, action: `leave_${decision}`, reason: why, created_at: iso(now) }).execute()
    return { id, object: 'leave_request' as const, status, reason: req.reason, requested_at: toChinaTime(Date.parse(req.created_at)), decided_at: toChinaTime(now) }
  })
}
