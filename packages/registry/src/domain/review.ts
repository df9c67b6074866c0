/**
 * Review by the grassroots union (approval is theirs, DOMAIN.md §7.7): a queue for the
 * reviewer's subtree with personal data masked, reveals audit-logged, and actions with reasons.
 * Approval creates the membership (one per person, enforced by the members primary key) and
 * the signed electronic member card.
 */
import type { ApplicationStatus } from '@ruhui/core/contract'
import { decryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import { newCardNumber } from '../crypto/member-card'
import { issueCard } from './member-cards'
import { recordMembershipEvent } from './membership-events'
import { linkSessionPerson } from './person-links'
import { isUniqueViolation } from '../db/write-queue'
import type { ApplicationTable } from '../db/schema'
import { OPEN_STATUSES } from './applications'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { recordEvent } from './outbox'
import { requireInScope, reviewerScope } from './scope'
import { applicationView } from './views'
import { reviewPrivacyFacts } from './review-evidence'
import { informationRequestsOf, requestInformation } from './information-requests'
import { waitingSince } from './working-days'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
export type ReviewAction = 'approve' | 'reject' | 'request_info' | 'assign'

function reviewView(a: ApplicationTable, scope: ReadonlySet<string>) {
  return {
    ...applicationView(a),
    applicant: { name: a.name_masked, id_number: a.id_masked, mobile: a.mobile_masked, masked: true },
    base_region: { county: a.base_county, township: a.base_township },
    config_version: a.config_version,
    volunteer: a.volunteer === 1,
    ...reviewPrivacyFacts(a, scope), // issue #13: evidence by source, duplicate and prefill flags, charter, consents
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
  // Overdue after five working days with the union: counted from the driver's latest answer, if any.
  const answers = rows.length ? await ctx.db.selectFrom('information_requests').select(['application_id', (eb) => eb.fn.max('answered_at').as('answered_at')]).where('application_id', 'in', rows.map((r) => r.id)).groupBy('application_id').execute() : []
  const answeredAt = new Map(answers.map((r) => [r.application_id, r.answered_at as string | null]))
  const now = ctx.now()
  return { object: 'list' as const, data: rows.map((a) => ({ ...reviewView(a, reviewerScope(ctx, reviewer)), ...waitingSince(a, now, answeredAt.get(a.id), ctx.config.workCalendar) })), has_more: rows.length === limit, next_cursor: null }
}

export async function reviewDetail(ctx: RegistryContext, reviewer: Reviewer, id: string, reveal: boolean) {
  const a = await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  if (!a) throw new Refusal('not_found', { param: 'id' })
  requireInScope(ctx, reviewer, a.org_id)
  // The review loop (issue #16): what was asked, the driver's answers and their photos (by id).
  const view = { ...reviewView(a, reviewerScope(ctx, reviewer)), information_requests: await informationRequestsOf(ctx, id) }
  if (!reveal) return view
  // Every staff read of personal data is audit-logged, in the same transaction as the read's record.
  await ctx.writer.run((trx) => trx.insertInto('audit_log').values({ actor: reviewer.id, action: 'reveal_applicant', subject: id, created_at: iso(ctx.now()) }).execute())
  const applicant = JSON.parse(decryptField(ctx.keys, a.applicant_enc, 'applicant')) as Record<string, string>
  return { ...view, applicant: { ...applicant, masked: false } }
}

/** `fields` and `documents` (request_info): what the driver is to give again and which photos to upload (issue #16). */
export interface ReviewActInput {
  reason?: string
  org_id?: string
  fields?: readonly string[]
  documents?: readonly string[]
}

/** `options.audit`: an audit-log entry recorded in the action's own transaction (a batch approval says it came in a batch). */
export async function reviewAct(ctx: RegistryContext, reviewer: Reviewer, id: string, action: ReviewAction, input: ReviewActInput, options: { audit?: string } = {}) {
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
        // Joining again: the member's own contact details of the earlier membership go with it.
        if (existing) await trx.updateTable('members').set({ ...row, profile_enc: null, mobile_masked: null, home_county: null, home_township: null }).where('person_key', '=', a.person_key).where('status', '=', 'withdrawn').execute()
        else await trx.insertInto('members').values(row).execute()
      } catch (e) {
        if (isUniqueViolation(e)) throw new Refusal('already_member') // a concurrent approval won
        throw e
      }
      // The card is kept (member_cards) so it can be checked, reissued and revoked; the member is
      // linked to the platform user who applied, whose later sessions open the member centre (issue #16).
      const card = await issueCard(ctx, trx, { personKey: a.person_key, cardNumber, orgId: a.org_id as string, nameMasked: a.name_masked, joinDate, now })
      await linkSessionPerson(trx, a.session_id, a.person_key, now)
      await recordMembershipEvent(trx, { personKey: a.person_key, kind: 'joined', orgId: a.org_id, now })
      Object.assign(patch, { status: 'approved', open_key: null, decided_at: iso(now), status_reason: null, member_card: JSON.stringify(card) })
    } else if (action === 'reject') {
      Object.assign(patch, { status: 'rejected', open_key: null, decided_at: iso(now), status_reason: JSON.stringify({ code: 'reviewer_rejected', params: {}, message: input.reason }) })
    } else if (action === 'request_info') {
      Object.assign(patch, { status: 'needs_info', status_reason: JSON.stringify({ code: 'more_information', params: {}, message: input.reason }) })
      // What is needed, named (fields from the fixed list, photos), kept for the driver's answer (issue #16).
      await requestInformation(trx, { applicationId: id, reviewerId: reviewer.reviewerId, fields: input.fields ?? [], documents: input.documents ?? [], message: input.reason ?? '', now })
    } else if (assignTo) {
      Object.assign(patch, { status: 'under_review', org_id: assignTo.id, org_name: assignTo.name, status_reason: null })
    }
    await trx.updateTable('applications').set(patch).where('id', '=', id).execute()
    await trx.insertInto('review_actions').values({ id: newId('rva'), subject_id: id, reviewer_id: reviewer.id, action, reason: input.reason ?? null, created_at: iso(now) }).execute()
    if (options.audit) await trx.insertInto('audit_log').values({ actor: reviewer.id, action: options.audit, subject: id, created_at: iso(now) }).execute()
    const view = applicationView({ ...a, ...patch } as ApplicationTable)
    const eventType = ({ approve: 'application.approved', reject: 'application.rejected', request_info: 'application.needs_info', assign: 'application.under_review' } as const)[action]
    await recordEvent(ctx, trx, eventType, a.platform_id, view)
    return reviewView({ ...a, ...patch } as ApplicationTable, reviewerScope(ctx, reviewer))
  })
}
// Member status changes (保留会籍, restore, 开除会籍, 退会) are in member-lifecycle.ts.
