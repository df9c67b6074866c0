/**
 * Applications: checked and matched server-side with @ruhui/core (the driver's choice must be
 * one of the registry's own candidates), personal data encrypted field by field, one open
 * application and one membership per person enforced by the database, the event recorded
 * in the same transaction.
 */
import { checkDriverIdentity, formatIssue, maskIdCard, maskMobile, maskPersonName } from '@ruhui/core'
import type { Application, ApplicationStatus, ApplicationSubmit, PlatformApplication } from '@ruhui/core/contract'
import { applicantParam, applicantProfile, submissionMatchInput } from '@ruhui/core/server'
import { matchUnion, offeredOrgIds } from '@ruhui/core/matching'
import { encryptField } from '../crypto/field-cipher'
import { newId, personKey } from '../crypto/hashing'
import { isUniqueViolation, jobHook } from '../db/write-queue'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { recordEvent } from './outbox'
import { applicationView } from './views'
import { checkAgreedTexts } from './consent-texts'
import { admitIdNumber } from './id-number-cap'
import { matchesMemberRecord, sameApplicant } from './member-record-match'
import { identityEvidence, prefillMismatches, sessionPrefill } from './identity-evidence'
import { platformViews } from './platform-view'

export const OPEN_STATUSES: ApplicationStatus[] = ['submitted', 'under_review', 'needs_info', 'awaiting_assignment']

type TokenCaller = Extract<Caller, { kind: 'join_token' }>

/**
 * Submit; `transfer_required` / `already_member` first commit the pending transfer, then refuse. The ID
 * number is counted against the session's cap (issue #13) before the member lookup, in one write-queue
 * step (id-number-cap.ts).
 */
export async function submitApplication(ctx: RegistryContext, caller: TokenCaller, body: ApplicationSubmit, locale: 'zh-CN' | 'en'): Promise<Application> {
  const a = body.applicant
  const now = ctx.now()
  // Every consent and the charter must be a published text (issue #13); nothing is stored otherwise.
  await checkAgreedTexts(ctx, body)
  const checked = checkDriverIdentity(applicantProfile(a), { asOf: new Date(now) })
  if (!checked.ok) {
    const first = checked.issues[0]
    if (!first) throw new Refusal('parameter_invalid', { param: 'applicant' })
    throw new Refusal(first.code === 'age_below_working_age' ? 'ineligible' : 'parameter_invalid', { param: applicantParam(first), message: formatIssue(first, locale) })
  }
  const identity = checked.value
  const key = personKey(ctx.keys, identity.idCard.number)
  await admitIdNumber(ctx, caller.sessionId, key)
  const member = await ctx.db.selectFrom('members').selectAll().where('person_key', '=', key).executeTakeFirst()
  // No membership oracle (issue #13): the member's own name, ID number and mobile, or an application like any other, flagged.
  const recordMatches = member ? await matchesMemberRecord(ctx, member, identity) : false
  const membership = member && recordMatches ? { orgId: member.org_id, status: member.status as 'active' } : undefined
  const possibleDuplicate = member && !recordMatches && member.status !== 'withdrawn' ? { member_org_id: member.org_id, member_org_name: ctx.directory().byId.get(member.org_id)?.name ?? null, member_status: member.status } : null
  const match = matchUnion(ctx.directory(), submissionMatchInput(body, identity, { id: caller.platformId, uscc: caller.platformUscc }, membership), { asOf: iso(now).slice(0, 10), config: ctx.config.matching })
  if (match.status === 'not_in_pilot') throw new Refusal('not_in_pilot', { param: 'base_region.county' })
  if (match.status === 'ineligible') throw new Refusal('ineligible')

  if (match.status === 'transfer_required' || match.status === 'already_member') {
    const pending = encryptField(ctx.keys, JSON.stringify({ personKey: key, fromOrgId: member?.org_id }), 'pending_transfer')
    // Not the response's own write: keep the idempotency record (of the refusal) out of it.
    await jobHook.exit(() => ctx.writer.run((trx) => trx.updateTable('sessions').set({ pending_transfer_enc: pending }).where('id', '=', caller.sessionId).execute()))
    throw new Refusal(match.status)
  }
  if (!offeredOrgIds(match).includes(body.org_id)) throw new Refusal('org_not_offered', { param: 'org_id' })

  const org = ctx.directory().byId.get(body.org_id)
  const prefill = await sessionPrefill(ctx, caller.sessionId)
  const mismatches = prefillMismatches(prefill, body, identity)
  const flags = { ...(possibleDuplicate ? { possible_duplicate: possibleDuplicate } : {}), ...(mismatches.length ? { prefill_mismatch: mismatches } : {}) }
  const granted = (kind: string) => (body.consents.some((c) => c.kind === kind) ? 1 : 0)
  const status: ApplicationStatus = match.status === 'needs_assignment' ? 'awaiting_assignment' : 'under_review'
  const reason = match.status === 'manual_review' ? { code: 'manual_review', params: {}, message: '您的申请将由工会人工审核' } : null
  const applicantEnc = encryptField(ctx.keys, JSON.stringify({ ...a, name: identity.name.name, id_number: identity.idCard.number, mobile: identity.mobile.number, mobile_verified_at: body.mobile_verified_at ?? null, identity_verification: body.identity_verification ?? null }), 'applicant')
  const row = {
    id: newId('app'),
    session_id: caller.sessionId,
    platform_id: caller.platformId,
    person_key: key,
    open_key: key,
    status,
    org_id: body.org_id,
    org_name: org?.name ?? null,
    tier: match.tier ?? null,
    config_version: match.configVersion,
    status_reason: reason ? JSON.stringify(reason) : null,
    member_card: null,
    applicant_enc: applicantEnc,
    name_masked: maskPersonName(identity.name.name),
    id_masked: maskIdCard(identity.idCard.number),
    mobile_masked: maskMobile(identity.mobile.number),
    base_county: body.base_region.county,
    base_township: body.base_region.township ?? null,
    consents: JSON.stringify(body.consents),
    volunteer: body.volunteer ? 1 : 0,
    volunteer_roles: body.volunteer ? JSON.stringify(['volunteer']) : null,
    submitted_at: iso(now),
    updated_at: iso(now),
    decided_at: null,
    charter: JSON.stringify(body.charter),
    shares_with_platform: granted('share_membership_with_platform'),
    shares_with_partners: granted('share_with_partners'),
    review_flags: Object.keys(flags).length ? JSON.stringify(flags) : null,
    evidence: JSON.stringify(identityEvidence(prefill, body, mismatches)),
  }
  return ctx.writer.run(async (trx) => {
    const session = await trx.selectFrom('sessions').select(['status']).where('id', '=', caller.sessionId).executeTakeFirst()
    if (session?.status !== 'open') throw new Refusal('session_completed')
    // No oracle (issue #13): `application_exists` only for the same person by name and mobile too; anyone
    // else with that ID number is taken in (not holding the one-open-application key) and flagged.
    const open = await trx.selectFrom('applications').select(['id', 'applicant_enc']).where('open_key', '=', key).executeTakeFirst()
    if (open && !sameApplicant(ctx, open.applicant_enc, identity)) {
      Object.assign(row, { open_key: null, review_flags: JSON.stringify({ ...flags, possible_duplicate: { ...flags.possible_duplicate, open_application_id: open.id } }) })
    }
    try {
      await trx.insertInto('applications').values(row).execute()
    } catch (e) {
      if (isUniqueViolation(e)) throw new Refusal('application_exists')
      throw e
    }
    await trx.updateTable('sessions').set({ status: 'completed', open_key: null, application_id: row.id }).where('id', '=', caller.sessionId).execute()
    const view = applicationView(row)
    await recordEvent(ctx, trx, 'application.submitted', caller.platformId, view)
    return view
  })
}

async function ownApplication(ctx: RegistryContext, caller: Caller, id: string) {
  const a = await ctx.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst()
  const mine = a && ((caller.kind === 'secret_key' && a.platform_id === caller.platformId) || (caller.kind === 'join_token' && a.session_id === caller.sessionId))
  if (!a || !mine) throw new Refusal('not_found', { param: 'id' })
  return a
}

/** The driver (join token) sees their application; the platform (secret key) its own view: status, not membership (issue #13). */
export async function retrieveApplication(ctx: RegistryContext, caller: Caller, id: string): Promise<Application | PlatformApplication> {
  const a = await ownApplication(ctx, caller, id)
  if (caller.kind === 'join_token') return applicationView(a)
  const [view] = await platformViews(ctx.db, [a])
  return view as PlatformApplication
}

export async function listApplications(ctx: RegistryContext, caller: Extract<Caller, { kind: 'secret_key' }>, q: { status?: ApplicationStatus | undefined; limit?: string | undefined; starting_after?: string | undefined }) {
  const limit = Number(q.limit ?? 10)
  let query = ctx.db.selectFrom('applications').selectAll().where('platform_id', '=', caller.platformId)
  if (q.status) query = query.where('status', '=', q.status)
  if (q.starting_after) query = query.where('id', '>', q.starting_after)
  const rows = await query.orderBy('id').limit(limit + 1).execute()
  const data = await platformViews(ctx.db, rows.slice(0, limit))
  const hasMore = rows.length > limit
  return { object: 'list' as const, data, has_more: hasMore, next_cursor: hasMore ? (data[data.length - 1]?.id ?? null) : null }
}

/** Only the driver withdraws (入会自愿): the route admits the join token alone; a secret key is refused with permission_denied. */
export async function withdrawApplication(ctx: RegistryContext, caller: Caller, id: string): Promise<Application> {
  if (caller.kind !== 'join_token') throw new Refusal('permission_denied')
  await ownApplication(ctx, caller, id)
  return ctx.writer.run(async (trx) => {
    const a = await trx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    if (!OPEN_STATUSES.includes(a.status as ApplicationStatus)) throw new Refusal('invalid_request', { message: '该申请已办结，不能撤回' })
    const now = iso(ctx.now())
    const patch = { status: 'withdrawn', open_key: null, updated_at: now, decided_at: now }
    await trx.updateTable('applications').set(patch).where('id', '=', id).execute()
    const view = applicationView({ ...a, ...patch })
    await recordEvent(ctx, trx, 'application.withdrawn', a.platform_id, view)
    return view
  })
}

/** The applicant offers to help as an activist or volunteer; the console lists them per organisation. */
export async function volunteerApplication(ctx: RegistryContext, caller: Caller, id: string, body: { roles: Array<'activist' | 'volunteer'> }): Promise<Application> {
  await ownApplication(ctx, caller, id)
  const roles = JSON.stringify([...new Set(body.roles)].sort())
  return ctx.writer.run(async (trx) => {
    await trx.updateTable('applications').set({ volunteer: 1, volunteer_roles: roles, updated_at: iso(ctx.now()) }).where('id', '=', id).execute()
    const row = await trx.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    return applicationView(row)
  })
}
