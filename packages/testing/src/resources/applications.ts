import { checkDriverIdentity, formatIssue, maskMobile, maskPersonName } from '@ruhui/core'
import type { Application, ApplicationStatus, ApplicationSubmit, PlatformApplication } from '@ruhui/core/contract'
import { applicantParam, applicantProfile, submissionMatchInput } from '@ruhui/core/server'
import { matchUnion, offeredOrgIds } from '@ruhui/core/matching'
import { emit } from '../events'
import { MAGIC_SEQUENCES } from '../fixtures'
import { type Ctx, Refusal, callerPlatform, nextId, nowIso } from '../http-kit'
import type { ApplicationRecord, MemberRecord } from '../state'
import { issueCard } from './cards'
import { addHistory, linkKey } from './membership'
import { findSession } from './sessions'
import { checkAgreedTexts, platformView } from './consents'

const OPEN: ApplicationStatus[] = ['submitted', 'under_review', 'needs_info', 'awaiting_assignment']

function outcomeFor(idNumber: string, manual: boolean): { status: ApplicationStatus; reason: Application['status_reason'] } {
  const seq = idNumber.slice(14, 17)
  if (seq === MAGIC_SEQUENCES.approved) return { status: 'approved', reason: null }
  if (seq === MAGIC_SEQUENCES.rejected) return { status: 'rejected', reason: { code: 'not_a_truck_driver', params: {}, message: '未能核实您的货车司机从业身份' } }
  if (seq === MAGIC_SEQUENCES.needsInfo) return { status: 'needs_info', reason: { code: 'photo_unclear', params: {}, message: '请补充上传清晰的驾驶证照片' } }
  return { status: 'under_review', reason: manual ? { code: 'manual_review', params: {}, message: '您的申请将由工会人工审核' } : null }
}

export function submitApplication(ctx: Ctx, body: ApplicationSubmit): Application {
  const { state } = ctx
  const session = findSession(ctx, ctx.sessionId as string)
  if (session.session.status === 'completed') throw new Refusal('session_completed')

  checkAgreedTexts(body) // issue #13: only published texts, nothing kept otherwise
  const a = body.applicant
  const checked = checkDriverIdentity(applicantProfile(a), { asOf: new Date(state.now()) })
  if (!checked.ok) {
    const first = checked.issues[0]
    if (!first) throw new Refusal('parameter_invalid', { param: 'applicant' })
    throw new Refusal(first.code === 'age_below_working_age' ? 'ineligible' : 'parameter_invalid', { param: applicantParam(first), message: formatIssue(first, ctx.locale) })
  }
  const identity = checked.value
  const personKey = identity.idCard.number // a sandbox: real deployments key on an HMAC, never the number
  const tried = (session.triedKeys ??= [])
  if (!tried.includes(personKey)) {
    if (tried.length >= state.maxIdNumbersPerSession) throw new Refusal('too_many_id_numbers', { param: 'applicant.id_number', message: `本次入会已尝试 ${tried.length} 个不同的证件号码，请回到平台重新进入` })
    tried.push(personKey)
  }

  if (identity.idCard.number.slice(14, 17) === MAGIC_SEQUENCES.alreadyMember && !state.members.has(personKey)) {
    state.members.set(personKey, { orgId: 'org_sandbox_suzhou_company', status: 'active' })
  }
  const member = state.members.get(personKey)
  const match = matchUnion(state.directory, submissionMatchInput(body, identity, callerPlatform(ctx), member), { asOf: new Date(state.now()).toISOString().slice(0, 10), config: state.matching })
  if (match.status === 'transfer_required' || match.status === 'already_member') {
    session.pendingTransfer = { personKey, fromOrgId: (member as { orgId: string }).orgId }
    throw new Refusal(match.status)
  }
  if (match.status === 'not_in_pilot') throw new Refusal('not_in_pilot', { param: 'base_region.county' })
  if (match.status === 'ineligible') throw new Refusal('ineligible')
  for (const r of state.applications.values()) {
    if (r.personKey === personKey && OPEN.includes(r.application.status)) throw new Refusal('application_exists')
  }
  if (!offeredOrgIds(match).includes(body.org_id)) throw new Refusal('org_not_offered', { param: 'org_id' })

  const org = state.directory.byId.get(body.org_id)
  const manual = match.status === 'manual_review'
  const outcome = match.status === 'needs_assignment' ? { status: 'awaiting_assignment' as const, reason: null } : outcomeFor(identity.idCard.number, manual)
  const now = nowIso(state)
  const application: Application = {
    id: nextId(state, 'app'),
    object: 'application',
    session_id: session.session.id,
    platform_id: session.session.platform_id,
    status: outcome.status,
    org_id: body.org_id,
    org_name: org?.name ?? null,
    tier: match.tier ?? null,
    status_reason: outcome.reason,
    member_card: null,
    submitted_at: now,
    updated_at: now,
  }
  const applicant = { nameMasked: maskPersonName(identity.name.name), mobileMasked: maskMobile(identity.mobile.number), baseRegion: body.base_region }
  state.applications.set(application.id, { application, personKey, consents: body.consents, charter: body.charter, withdrawn: {}, applicant })
  if (outcome.status === 'approved') approve(ctx, application, personKey)
  session.session.status = 'completed'
  session.session.application_id = application.id
  emit(state, 'application.submitted', application)
  if (outcome.status !== 'under_review' && outcome.status !== 'awaiting_assignment') emit(state, `application.${outcome.status}`, application)
  return application
}

function approve(ctx: Ctx, application: Application, personKey: string): void {
  const { state } = ctx
  const cardNumber = `SANDBOX${application.id.slice(-8)}`
  const orgId = application.org_id as string
  const joinDate = nowIso(state).slice(0, 10)
  const nameMasked = state.applications.get(application.id)?.applicant?.nameMasked ?? '*'
  // Issue #16: the card kept (checked, reissued, revoked), the member linked to the platform user who applied.
  application.member_card = issueCard(state, personKey, { number: cardNumber, orgId, maskedName: nameMasked, since: joinDate })
  const member: MemberRecord = { orgId, status: 'active', joinDate, applicationId: application.id, cardNumber, history: [], leave: null }
  state.members.set(personKey, member)
  addHistory(state, member, 'joined', orgId)
  const s = state.sessions.get(application.session_id)?.session
  if (s) state.links.set(linkKey(s.platform_id, s.platform_user_id), personKey)
}

/** The driver sees their application; the platform its own view (issue #13). */
export function retrieveApplication(ctx: Ctx, id: string): Application | PlatformApplication {
  const r = findApplication(ctx, id)
  if (ctx.credential === 'secret_key') return platformView(ctx.state, r)
  const request = ctx.state.informationRequests.get(id) // the driver's view carries the reviewer's request (issue #16)
  return request ? { ...r.application, information_request: { ...request } } : r.application
}

export function findApplication(ctx: Ctx, id: string): ApplicationRecord {
  const r = ctx.state.applications.get(id)
  const mine = r && (ctx.credential === 'secret_key' ? r.application.platform_id === ctx.platformId : r.application.session_id === ctx.sessionId)
  if (!r || !mine) throw new Refusal('not_found', { param: 'id' })
  return r
}

export function listApplications(ctx: Ctx, query: { status?: ApplicationStatus | undefined; limit?: string | undefined; starting_after?: string | undefined }) {
  // The platform's view (status, not membership), issue #13.
  const all = [...ctx.state.applications.values()].filter((r) => r.application.platform_id === ctx.platformId && (query.status === undefined || r.application.status === query.status)).map((r) => platformView(ctx.state, r))
  let start = 0
  if (query.starting_after !== undefined) {
    const at = all.findIndex((a) => a.id === query.starting_after)
    if (at < 0) throw new Refusal('parameter_invalid', { param: 'starting_after' })
    start = at + 1
  }
  const limit = Number(query.limit ?? 10)
  const data = all.slice(start, start + limit)
  const hasMore = start + limit < all.length
  return { object: 'list' as const, data, has_more: hasMore, next_cursor: hasMore ? (data[data.length - 1]?.id ?? null) : null }
}

export function withdrawApplication(ctx: Ctx, id: string): Application {
  const r = findApplication(ctx, id)
  if (!OPEN.includes(r.application.status)) throw new Refusal('invalid_request', { message: '该申请已办结，不能撤回' })
  r.application.status = 'withdrawn'
  r.application.updated_at = nowIso(ctx.state)
  emit(ctx.state, 'application.withdrawn', r.application)
  return r.application
}

/** Move an application through review (the sandbox's "force a state"). */
export function review(ctx: Ctx, id: string, action: 'approve' | 'reject' | 'needs_info'): Application {
  const r = ctx.state.applications.get(id)
  if (!r) throw new Refusal('not_found')
  if (!OPEN.includes(r.application.status)) throw new Refusal('invalid_request', { message: `application is ${r.application.status}` })
  const a = r.application
  a.updated_at = nowIso(ctx.state)
  if (action === 'approve') {
    a.status = 'approved'
    a.status_reason = null
    approve(ctx, a, r.personKey)
  } else if (action === 'reject') {
    a.status = 'rejected'
    a.status_reason = { code: 'reviewer_rejected', params: {}, message: '经审核，暂不符合入会条件' }
  } else {
    a.status = 'needs_info'
    a.status_reason = { code: 'more_information', params: {}, message: '请补充材料' }
  }
  emit(ctx.state, `application.${a.status}` as 'application.approved', a)
  return a
}

/** The applicant offers to help as an activist or volunteer (only their own application). */
export function volunteerApplication(ctx: Ctx, id: string, body: { roles: string[] }): Application {
  const r = findApplication(ctx, id)
  r.volunteerRoles = [...new Set(body.roles)]
  return r.application
}
