/**
 * Review by the grassroots union (approval is theirs, DOMAIN.md §7.7): a queue for the
 * reviewer's subtree with personal data masked, reveals audit-logged, and actions with reasons.
 * Approval creates the membership (one per person, enforced by the members primary key) and
 * the signed electronic member card.
 */
import type { ApplicationStatus } from '@ruhui/core/contract'
import { decryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import { newCardNumber, signCard } from '../crypto/member-card'
import { isUniqueViolation } from '../db/write-queue'
import type { ApplicationTable } from '../db/schema'
import { OPEN_STATUSES } from './applications'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { recordEvent } from './outbox'
import { requireInScope, reviewerScope } from './scope'
import { applicationView } from './views'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
export type ReviewAction = 'approve' | 'reject' | 'request_info' | 'assign'

function reviewView(a: ApplicationTable) {
  return {
    ...applicationView(a),
    applicant: { name: a.name_masked, id_number: a.id_masked, mobile: a.mobile_masked, masked: true },
    base_region: { county: a.base_county, township: a.base_township },
    config_version: a.config_version,
    volunteer: a.volunteer === 1,
  }
}

export async function reviewQueue(ctx: RegistryContext, reviewer: Reviewer, q: { status?: string; limit?: string; region_prefix?: string; platform_id?: string }) {
  if (q.region_prefix !== undefined && !/^\d{2,9}$/.test(q.region_prefix)) throw new Refusal('parameter_invalid', { param: 'region_prefix', message: '地区代码为 2–9 位数字' })
  if (q.platform_id !== undefined && !/^[\w-]{1,64}$/.test(q.platform_id)) throw new Refusal('parameter_invalid', { param: 'platform_id' })
  const scope = [...reviewerScope(ctx, reviewer)]
  const limit = Math.min(200, Number(q.limit ?? 50) || 50)
  let query = ctx.db.selectFrom('applications').selectAll().where('org_id', 'in', scope)
  query = q.status ? query.where('status', '=', q.status) : query.where('status', 'in', OPEN_STATUSES)
  if (q.region_prefix) query = query.where('base_county', 'like', `${q.region_prefix}%`)
  if (q.platform_id) query = query.where('platform_id', '=', q.platform_id)
  const rows = await query.orderBy('submitted_at').limit(limit).execute()
  return { object: 'list' as const, data: rows.map(reviewView), has_more: rows.length === limit, next_cursor: null }
}

export async function reviewDetail(ctx: RegistryContext, reviewer: Reviewer, id: string, reveal: boolean) {
  const a = await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw new Refusal('not_found', { param: 'id' })
  requireInScope(ctx, reviewer, a.org_id)
  const view = reviewView(a)
  if (!reveal) return view
  // Every staff read of personal data is audit-logged, in the same transaction as the read's record.
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'reveal_applicant', subject: id, created_at: iso(ctx.now()) }).execute())
  const applicant = JSON.parse(decryptField(ctx.keys, a.applicant_enc, 'applicant')) as Record<string, string>
  return { ...view, applicant: { ...applicant, masked: false } }
}

export async function reviewAct(ctx: RegistryContext, reviewer: Reviewer, id: string, action: ReviewAction, input: { reason?: string; org_id?: string }) {
  const current = await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  if (!current) throw new Refusal('not_found', { param: 'id' })
  requireInScope(ctx, reviewer, current.org_id)
  if ((action === 'reject' || action === 'request_info') && !input.reason) throw new Refusal('parameter_missing', { param: 'reason' })
  let assignTo: { id: string; name: string } | undefined
  if (action === 'assign') {
    const org = input.org_id ? ctx.directory().byId.get(input.org_id) : undefined
    // The same unions the console's picker offers: grassroots, active, taking members online, in the reviewer's subtree.
    if (!org || !org.isGrassroots || org.status !== 'active' || !org.acceptsOnline || !reviewerScope(ctx, reviewer).has(org.id)) throw new Refusal('parameter_invalid', { param: 'org_id', message: '请从本级或下级工会中选择可以在线接收会员的基层工会' })
    assignTo = { id: org.id, name: org.name }
  }
  return ctx.writer.run(async (trx) => {
    const a = await trx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const status = a.status as ApplicationStatus
    const allowed = action === 'assign' ? status === 'awaiting_assignment' : OPEN_STATUSES.includes(status) && status !== 'awaiting_assignment'
    if (!allowed) throw new Refusal('invalid_request', { message: `申请当前状态为 ${status}，不能执行该操作` })
    const now = ctx.now()
    const patch: Partial<ApplicationTable> = { updated_at: iso(now) }
    if (action === 'approve') {
      const cardNumber = newCardNumber()
      const joinDate = iso(now).slice(0, 10)
      const row = { person_key: a.person_key, org_id: a.org_id as string, status: 'active', join_date: joinDate, card_number: cardNumber, application_id: a.id, updated_at: iso(now) }
      // Someone who left (退会) may join again; anyone else already holds a membership. Look first:
      // on PostgreSQL a failed insert aborts the transaction, so it cannot be the way to find out.
      const existing = await trx.selectFrom('members').select(['status']).where('person_key', '=', a.person_key).executeTakeFirst()
      if (existing && existing.status !== 'withdrawn') throw new Refusal('already_member')
      try {
        if (existing) await trx.updateTable('members').set(row).where('person_key', '=', a.person_key).where('status', '=', 'withdrawn').execute()
        else await trx.insertInto('members').values(row).execute()
      } catch (e) {
        if (isUniqueViolation(e)) throw new Refusal('already_member') // a concurrent approval won
        throw e
      }
      const qr = signCard(ctx.keys, { no: cardNumber, org: a.org_id as string, name: a.name_masked, since: joinDate, iat: iso(now) })
      Object.assign(patch, { status: 'approved', open_key: null, decided_at: iso(now), status_reason: null, member_card: JSON.stringify({ number: cardNumber, qr_payload: qr, issued_at: iso(now) }) })
    } else if (action === 'reject') {
      Object.assign(patch, { status: 'rejected', open_key: null, decided_at: iso(now), status_reason: JSON.stringify({ code: 'reviewer_rejected', params: {}, message: input.reason }) })
    } else if (action === 'request_info') {
      Object.assign(patch, { status: 'needs_info', status_reason: JSON.stringify({ code: 'more_information', params: {}, message: input.reason }) })
    } else if (assignTo) {
      Object.assign(patch, { status: 'under_review', org_id: assignTo.id, org_name: assignTo.name, status_reason: null })
    }
    await trx.updateTable('applications').set(patch).where('id', '=', id).execute()
    await trx.insertInto('review_actions').values({ id: newId('rva'), subject_id: id, reviewer_id: reviewer.id, action, reason: input.reason ?? null, created_at: iso(now) }).execute()
    const view = applicationView({ ...a, ...patch } as ApplicationTable)
    const eventType = ({ approve: 'application.approved', reject: 'application.rejected', request_info: 'application.needs_info', assign: 'application.under_review' } as const)[action]
    await recordEvent(ctx, trx, eventType, a.platform_id, view)
    return reviewView({ ...a, ...patch } as ApplicationTable)
  })
}

export const MEMBER_STATUSES = ['active', 'retained', 'withdrawn'] as const

/**
 * Membership status by the union that holds it: 保留会籍 (retained: retired or unemployed),
 * 退会 (withdrawn), or active again. Found by card number; transfers have their own path.
 */
export async function setMemberStatus(ctx: RegistryContext, reviewer: Reviewer, cardNumber: string, status: string, reason: string | undefined) {
  if (!(MEMBER_STATUSES as readonly string[]).includes(status)) throw new Refusal('parameter_invalid', { param: 'status' })
  const member = await ctx.db.selectFrom('members').selectAll().where('card_number', '=', cardNumber).executeTakeFirst()
  if (!member) throw new Refusal('not_found', { param: 'card_number' })
  requireInScope(ctx, reviewer, member.org_id)
  if (member.status === 'transferring') throw new Refusal('invalid_request', { message: '会员正在办理转接，请先完成或拒绝转接' })
  return ctx.writer.run(async (trx) => {
    const now = iso(ctx.now())
    await trx.updateTable('members').set({ status, updated_at: now }).where('card_number', '=', cardNumber).execute()
    await trx.insertInto('review_actions').values({ id: newId('rva'), subject_id: cardNumber, reviewer_id: reviewer.id, action: `member_${status}`, reason: reason ?? null, created_at: now }).execute()
    return { object: 'member', card_number: cardNumber, org_id: member.org_id, status, join_date: member.join_date }
  })
}
