/**
 * The member centre in the sandbox (issue #16): the same routes and refusals as the registry — the
 * member linked (on approval) to the session's platform user, the applications of the platform
 * user's own sessions otherwise; profile, moving (matched for the new base), leaving (confirmed by
 * the union: `sandbox.decideLeave`).
 */
import { checkMobile, formatIssue, maskMobile } from '@ruhui/core'
import type { LeaveRequestCreate, Membership, MembershipProfileUpdate, OrganisationMatch, Transfer, TransferOptionsRequest } from '@ruhui/core/contract'
import { lookupRegion } from '@ruhui/core/regions'
import { matchUnion, offeredOrgIds } from '@ruhui/core/matching'
import { platformMatchInput, toOrganisationMatchWire } from '@ruhui/core/server'
import { type Ctx, Refusal, callerPlatform, nextId, nowIso } from '../http-kit'
import type { MemberRecord, SandboxState } from '../state'
import { currentCard, revokeCards } from './cards'
import { findSession } from './sessions'

const IN_FORCE = ['active', 'transferring', 'retained']

export const linkKey = (platformId: string, platformUserId: string) => `${platformId}|${platformUserId}`

/** Record what happened, newest first. */
export function addHistory(state: SandboxState, m: MemberRecord, kind: Membership['history'][number]['kind'], orgId: string | null, reason: string | null = null): void {
  ;(m.history ??= []).unshift({ kind, at: nowIso(state), org_name: orgId ? (state.directory.byId.get(orgId)?.name ?? null) : null, reason })
}

function me(ctx: Ctx) {
  const s = findSession(ctx, ctx.sessionId as string).session
  const personKey = ctx.state.links.get(linkKey(s.platform_id, s.platform_user_id))
  const member = personKey ? ctx.state.members.get(personKey) : undefined
  return { session: s, personKey, member }
}

function requireMember(ctx: Ctx, allowed = IN_FORCE) {
  const { personKey, member } = me(ctx)
  if (!personKey || !member) throw new Refusal('membership_not_found', { message: '您还不是工会会员' })
  if (!allowed.includes(member.status)) throw new Refusal('membership_not_active')
  return { personKey, member }
}

export function sessionMode(state: SandboxState, platformId: string, platformUserId: string): 'join' | 'member_centre' {
  const personKey = state.links.get(linkKey(platformId, platformUserId))
  const m = personKey ? state.members.get(personKey) : undefined
  if (m && IN_FORCE.includes(m.status)) return 'member_centre'
  // The union asked for more on an application from one of this platform user's sessions (the review loop).
  const waiting = [...state.applications.values()].some((r) => r.application.status === 'needs_info' && r.application.platform_id === platformId && state.sessions.get(r.application.session_id)?.session.platform_user_id === platformUserId)
  return waiting ? 'member_centre' : 'join'
}

export function retrieveMembership(ctx: Ctx): Membership {
  const { state } = ctx
  const { session, personKey, member } = me(ctx)
  const orgName = (id: string | null) => (id ? (state.directory.byId.get(id)?.name ?? null) : null)
  const mine = (pk: string | undefined) =>
    [...state.applications.values()].filter((r) => (pk ? r.personKey === pk : state.sessions.get(r.application.session_id)?.session.platform_user_id === session.platform_user_id && r.application.platform_id === session.platform_id)).reverse()
  const apps = member && personKey ? mine(personKey) : mine(undefined)
  const latest = (member ? apps.find((r) => r.application.id === member.applicationId) : undefined) ?? apps[0]
  if (!latest) throw new Refusal('membership_not_found')
  const open = apps.find((r) => r.application.status === 'needs_info')
  const request = open ? state.informationRequests.get(open.application.id) : undefined
  const applicant = latest.applicant ?? { nameMasked: '*', mobileMasked: '', baseRegion: { county: '000000' } }
  const transfers = member && personKey ? [...state.transfers.values()].filter((t) => transferPerson(state, t) === personKey).reverse() : []
  const openTransfer = transfers.find((t) => t.status === 'requested' || t.status === 'released')
  const org = member ? state.directory.byId.get(member.orgId) : undefined
  return {
    object: 'membership',
    status: member ? member.status : null,
    union: member ? { org_id: member.orgId, name: org?.name ?? member.orgId, contact: org?.contact ?? null } : null,
    join_date: member?.joinDate ?? null,
    member_name: applicant.nameMasked,
    mobile: member?.mobileMasked ?? applicant.mobileMasked,
    home_region: member?.homeRegion ?? applicant.baseRegion,
    card: member && personKey ? currentCard(state, personKey) : null,
    leave_request: member?.leave ?? null,
    open_transfer: openTransfer ? { id: openTransfer.id, status: openTransfer.status, to_org_id: openTransfer.to_org_id, to_org_name: orgName(openTransfer.to_org_id), reason: openTransfer.reason, created_at: openTransfer.created_at } : null,
    information_request: request && request.answered_at === null ? request : null,
    applications: apps.map((r) => ({ id: r.application.id, status: r.application.status, org_name: r.application.org_name, submitted_at: r.application.submitted_at, decided_at: ['approved', 'rejected', 'withdrawn'].includes(r.application.status) ? r.application.updated_at : null })),
    transfers: transfers.map((t) => ({ id: t.id, status: t.status, from_org_name: orgName(t.from_org_id), to_org_name: orgName(t.to_org_id), reason: t.reason, created_at: t.created_at, updated_at: t.updated_at })),
    history: member?.history ?? [],
  }
}

/** Whose membership a transfer moves: kept when it is asked (the member centre), else the join flow's pending transfer. */
export function transferPerson(state: SandboxState, t: Transfer): string | undefined {
  return state.transferPersons.get(t.id) ?? state.sessions.get(t.session_id)?.pendingTransfer?.personKey
}

function checkRegion(r: { county: string; township?: string | undefined }, param: string): void {
  if (!lookupRegion(r.county)) throw new Refusal('parameter_invalid', { param: `${param}.county`, message: '没有这个区县，请重新选择常驻地' })
  if (r.township !== undefined && !r.township.startsWith(r.county)) throw new Refusal('parameter_invalid', { param: `${param}.township`, message: '乡镇（街道）不在所选区县内' })
}

export function updateMembershipProfile(ctx: Ctx, body: MembershipProfileUpdate): Membership {
  if (body.mobile === undefined && body.home_region === undefined) throw new Refusal('parameter_missing', { param: 'mobile', message: '请填写新的手机号或常驻地' })
  let mobile: string | undefined
  if (body.mobile !== undefined) {
    const checked = checkMobile(body.mobile)
    if (!checked.ok) throw new Refusal('parameter_invalid', { param: 'mobile', message: checked.issues[0] ? formatIssue(checked.issues[0], ctx.locale) : '手机号码有误' })
    mobile = checked.value.number
  }
  if (body.home_region) checkRegion(body.home_region, 'home_region')
  const { member } = requireMember(ctx)
  if (mobile) member.mobileMasked = maskMobile(mobile)
  if (body.home_region) member.homeRegion = body.home_region
  addHistory(ctx.state, member, 'profile_updated', member.orgId)
  return retrieveMembership(ctx)
}

function matchForMove(ctx: Ctx, b: TransferOptionsRequest) {
  checkRegion(b.base_region, 'base_region')
  return matchUnion(ctx.state.directory, { employmentForm: b.employment_form ?? 'platform_self_employed', baseRegion: b.base_region, ...platformMatchInput(callerPlatform(ctx)), ...(b.employer_uscc ? { employerUscc: b.employer_uscc } : {}), ...(b.home_park_id ? { homeParkId: b.home_park_id } : {}) }, { config: ctx.state.matching, asOf: new Date(ctx.state.now()).toISOString().slice(0, 10) })
}

export function membershipTransferOptions(ctx: Ctx, b: TransferOptionsRequest): OrganisationMatch {
  const { member } = requireMember(ctx)
  const match = matchForMove(ctx, b)
  const wire = toOrganisationMatchWire(match, ctx.locale)
  return offeredOrgIds(match).includes(member.orgId) ? { ...wire, status: 'already_member' } : wire
}

export function requestLeave(ctx: Ctx, body: LeaveRequestCreate): Membership {
  const { member } = requireMember(ctx)
  if (member.status === 'transferring') throw new Refusal('transfer_in_progress', { message: '会籍转接正在办理，请等转接办结后再申请退会' })
  if (member.leave?.status === 'pending') throw new Refusal('leave_pending')
  member.leave = { id: nextId(ctx.state, 'lvr'), object: 'leave_request', status: 'pending', reason: body.reason, requested_at: nowIso(ctx.state), decided_at: null }
  addHistory(ctx.state, member, 'leave_requested', member.orgId)
  return retrieveMembership(ctx)
}

export function cancelLeave(ctx: Ctx): Membership {
  const { member } = requireMember(ctx)
  if (member.leave?.status !== 'pending') throw new Refusal('no_pending_leave')
  member.leave = { ...member.leave, status: 'cancelled', decided_at: nowIso(ctx.state) }
  addHistory(ctx.state, member, 'leave_cancelled', member.orgId)
  return retrieveMembership(ctx)
}

/** The union's decision on a pending request to leave (the sandbox's stand-in for the console). */
export function decideLeave(state: SandboxState, leaveId: string, decision: 'confirm' | 'decline', reason?: string): void {
  for (const [personKey, m] of state.members) {
    if (m.leave?.id !== leaveId) continue
    if (m.leave.status !== 'pending') throw new Refusal('invalid_request', { message: '这份退会申请已经办理或已撤回' })
    m.leave = { ...m.leave, status: decision === 'confirm' ? 'confirmed' : 'declined', decided_at: nowIso(state) }
    if (decision === 'confirm') {
      m.status = 'withdrawn'
      revokeCards(state, personKey)
      addHistory(state, m, 'left', m.orgId, reason ?? null)
    } else addHistory(state, m, 'leave_declined', m.orgId, reason ?? null)
    return
  }
  throw new Refusal('not_found', { param: 'id' })
}
