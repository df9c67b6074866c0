import type { MemberTransferRequest, PlatformTransfer, Transfer, TransferRequest } from '@ruhui/core/contract'
import { lookupRegion } from '@ruhui/core/regions'
import { matchUnion, offeredOrgIds } from '@ruhui/core/matching'
import { platformMatchInput } from '@ruhui/core/server'
import { platformTransferView } from '@ruhui/core/contract'
import { emit } from '../events'
import { type Ctx, Refusal, callerPlatform, nextId, nowIso } from '../http-kit'
import type { SandboxState } from '../state'
import { findSession } from './sessions'
import { issueCard } from './cards'
import { addHistory, linkKey, transferPerson } from './membership'

const IN_FORCE = ['active', 'transferring', 'retained']

/**
 * As the registry (transfer-visibility.ts): only members have transfers, so the platform hears of
 * one (events, its secret key's read) only when the driver let it know of the membership — the
 * membership's application is this platform's, approved, its share_membership_with_platform granted
 * and not withdrawn — and the person is a member now.
 */
function platformMayKnow(state: SandboxState, personKey: string | undefined, platformId: string | undefined): boolean {
  const m = personKey ? state.members.get(personKey) : undefined
  const r = m?.applicationId ? state.applications.get(m.applicationId) : undefined
  if (!m || !r || !IN_FORCE.includes(m.status)) return false
  const lets = r.consents.some((c) => c.kind === 'share_membership_with_platform') && !r.withdrawn.share_membership_with_platform
  return lets && r.application.status === 'approved' && r.application.platform_id === platformId
}

function emitTransfer(state: SandboxState, type: 'transfer.requested' | 'transfer.completed' | 'transfer.rejected', t: Transfer): void {
  if (platformMayKnow(state, transferPerson(state, t), state.sessions.get(t.session_id)?.session.platform_id)) emit(state, type, t)
}

export function requestTransfer(ctx: Ctx, body: TransferRequest): Transfer {
  const session = findSession(ctx, ctx.sessionId as string)
  const pending = session.pendingTransfer
  if (!pending) throw new Refusal('invalid_request', { message: '请先提交入会申请，确认已有会籍后再申请转接' })
  if (!ctx.state.directory.byId.has(body.to_org_id)) throw new Refusal('not_found', { param: 'to_org_id' })
  const member = ctx.state.members.get(pending.personKey)
  if (member?.status === 'transferring') throw new Refusal('invalid_request', { message: '已有一项转接正在办理' })
  // Only an active membership moves: a retained one (保留会籍) is restored by the union first.
  if (member?.status === 'retained') throw new Refusal('membership_retained', { param: 'membership.status' })
  const now = nowIso(ctx.state)
  const transfer: Transfer = { id: nextId(ctx.state, 'trf'), object: 'transfer', session_id: session.session.id, status: 'requested', from_org_id: pending.fromOrgId, to_org_id: body.to_org_id, reason: body.reason, created_at: now, updated_at: now }
  ctx.state.transfers.set(transfer.id, transfer)
  ctx.state.transferPersons.set(transfer.id, pending.personKey)
  if (member) {
    member.status = 'transferring'
    addHistory(ctx.state, member, 'transfer_requested', body.to_org_id)
  }
  emitTransfer(ctx.state, 'transfer.requested', transfer)
  return transfer
}

/** The member centre's move (issue #16): the same checks and refusals as the registry's. */
export function requestMembershipTransfer(ctx: Ctx, b: MemberTransferRequest): Transfer {
  const s = findSession(ctx, ctx.sessionId as string).session
  const personKey = ctx.state.links.get(linkKey(s.platform_id, s.platform_user_id))
  const member = personKey ? ctx.state.members.get(personKey) : undefined
  if (!personKey || !member) throw new Refusal('membership_not_found', { message: '您还不是工会会员' })
  if (!IN_FORCE.includes(member.status)) throw new Refusal('membership_not_active')
  if (member.status === 'transferring') throw new Refusal('transfer_in_progress')
  if (member.status === 'retained') throw new Refusal('membership_retained', { param: 'membership.status' })
  if (!lookupRegion(b.base_region.county)) throw new Refusal('parameter_invalid', { param: 'base_region.county', message: '没有这个区县，请重新选择常驻地' })
  if (b.base_region.township !== undefined && !b.base_region.township.startsWith(b.base_region.county)) throw new Refusal('parameter_invalid', { param: 'base_region.township', message: '乡镇（街道）不在所选区县内' })
  const match = matchUnion(ctx.state.directory, { employmentForm: b.employment_form ?? 'platform_self_employed', baseRegion: b.base_region, ...platformMatchInput(callerPlatform(ctx)), ...(b.employer_uscc ? { employerUscc: b.employer_uscc } : {}), ...(b.home_park_id ? { homeParkId: b.home_park_id } : {}) }, { config: ctx.state.matching, asOf: new Date(ctx.state.now()).toISOString().slice(0, 10) })
  if (match.status === 'not_in_pilot') throw new Refusal('not_in_pilot', { param: 'base_region.county' })
  if (b.to_org_id === member.orgId) throw new Refusal('already_member', { param: 'to_org_id', message: '您的会籍已在该工会，无需转接' })
  if (!offeredOrgIds(match).includes(b.to_org_id)) throw new Refusal('org_not_offered', { param: 'to_org_id' })
  if (member.leave?.status === 'pending') throw new Refusal('leave_pending', { message: '您的退会申请正在等待工会确认，不能同时申请转接' })
  const now = nowIso(ctx.state)
  const t: Transfer = { id: nextId(ctx.state, 'trf'), object: 'transfer', session_id: s.id, status: 'requested', from_org_id: member.orgId, to_org_id: b.to_org_id, reason: b.reason, created_at: now, updated_at: now }
  ctx.state.transfers.set(t.id, t)
  ctx.state.transferPersons.set(t.id, personKey)
  // The home region is the member's only when the transfer completes.
  ctx.state.transferHomes.set(t.id, b.base_region)
  member.status = 'transferring'
  addHistory(ctx.state, member, 'transfer_requested', b.to_org_id)
  emitTransfer(ctx.state, 'transfer.requested', t)
  return t
}

export function findTransfer(ctx: Ctx, id: string): Transfer {
  const t = ctx.state.transfers.get(id)
  const s = t && ctx.state.sessions.get(t.session_id)
  const mine = t && s && (ctx.credential === 'secret_key' ? s.session.platform_id === ctx.platformId && platformMayKnow(ctx.state, transferPerson(ctx.state, t), ctx.platformId) : s.session.id === ctx.sessionId)
  if (!t || !mine) throw new Refusal('not_found', { param: 'id' })
  return t
}

/** The driver sees the transfer; the platform that one is under way, not between which unions (issue #13), and only with the driver's consent. */
export function retrieveTransfer(ctx: Ctx, id: string): Transfer | PlatformTransfer {
  const t = findTransfer(ctx, id)
  return ctx.credential === 'secret_key' ? platformTransferView(t) : t
}

/** The two-sided release/accept of DOMAIN.md §7.2, forced from a test. */
export function advanceTransfer(ctx: Ctx, id: string, action: 'release' | 'accept' | 'reject'): Transfer {
  const t = ctx.state.transfers.get(id)
  if (!t) throw new Refusal('not_found')
  const person = transferPerson(ctx.state, t)
  if (action === 'release' && t.status === 'requested') t.status = 'released'
  else if (action === 'accept' && t.status === 'released') {
    t.status = 'completed'
    const m = person ? ctx.state.members.get(person) : undefined
    if (person && m) {
      // Join date kept: the same record, a new union; the card reissued naming it, the old one revoked (issue #16).
      m.orgId = t.to_org_id
      if (m.status === 'transferring') m.status = 'active'
      const home = ctx.state.transferHomes.get(t.id)
      if (home) m.homeRegion = home
      if (m.cardNumber) issueCard(ctx.state, person, { number: m.cardNumber, orgId: t.to_org_id, maskedName: [...ctx.state.cards.values()].find((c) => c.personKey === person)?.maskedName ?? '*', since: m.joinDate ?? '' })
      addHistory(ctx.state, m, 'transferred', t.to_org_id)
      const s = ctx.state.sessions.get(t.session_id)?.session
      if (s) ctx.state.links.set(linkKey(s.platform_id, s.platform_user_id), person)
    }
    t.updated_at = nowIso(ctx.state)
    emitTransfer(ctx.state, 'transfer.completed', t)
    return t
  } else if (action === 'reject' && (t.status === 'requested' || t.status === 'released')) {
    t.status = 'rejected'
    const m = person ? ctx.state.members.get(person) : undefined
    if (m) {
      // Back where it was: the status before the move (a transfer starts only from 'active'), the home region untouched.
      if (m.status === 'transferring') m.status = 'active'
      addHistory(ctx.state, m, 'transfer_refused', t.from_org_id)
    }
    t.updated_at = nowIso(ctx.state)
    emitTransfer(ctx.state, 'transfer.rejected', t)
    return t
  } else throw new Refusal('invalid_request', { message: `cannot ${action} a ${t.status} transfer` })
  t.updated_at = nowIso(ctx.state)
  return t
}
