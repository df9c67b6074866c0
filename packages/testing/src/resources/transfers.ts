import { type PlatformTransfer, type Transfer, type TransferRequest, platformTransferView } from '@ruhui/core/contract'
import { emit } from '../events'
import { type Ctx, Refusal, nextId, nowIso } from '../http-kit'
import { findSession } from './sessions'
import { issueCard } from './cards'
import { addHistory, linkKey, transferPerson } from './membership'

export function requestTransfer(ctx: Ctx, body: TransferRequest): Transfer {
  const session = findSession(ctx, ctx.sessionId as string)
  const pending = session.pendingTransfer
  if (!pending) throw new Refusal('invalid_request', { message: '请先提交入会申请，确认已有会籍后再申请转接' })
  if (!ctx.state.directory.byId.has(body.to_org_id)) throw new Refusal('not_found', { param: 'to_org_id' })
  const now = nowIso(ctx.state)
  const transfer: Transfer = { id: nextId(ctx.state, 'trf'), object: 'transfer', session_id: session.session.id, status: 'requested', from_org_id: pending.fromOrgId, to_org_id: body.to_org_id, reason: body.reason, created_at: now, updated_at: now }
  ctx.state.transfers.set(transfer.id, transfer)
  ctx.state.transferPersons.set(transfer.id, pending.personKey)
  const member = ctx.state.members.get(pending.personKey)
  if (member) {
    member.status = 'transferring'
    addHistory(ctx.state, member, 'transfer_requested', body.to_org_id)
  }
  emit(ctx.state, 'transfer.requested', transfer)
  return transfer
}

export function findTransfer(ctx: Ctx, id: string): Transfer {
  const t = ctx.state.transfers.get(id)
  const s = t && ctx.state.sessions.get(t.session_id)
  const mine = t && s && (ctx.credential === 'secret_key' ? s.session.platform_id === ctx.platformId : s.session.id === ctx.sessionId)
  if (!t || !mine) throw new Refusal('not_found', { param: 'id' })
  return t
}

/** The driver sees the transfer; the platform that one is under way, not between which unions (issue #13). */
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
      Object.assign(m, { orgId: t.to_org_id, status: 'active' })
      if (m.cardNumber) issueCard(ctx.state, person, { number: m.cardNumber, orgId: t.to_org_id, maskedName: [...ctx.state.cards.values()].find((c) => c.personKey === person)?.maskedName ?? '*', since: m.joinDate ?? '' })
      addHistory(ctx.state, m, 'transferred', t.to_org_id)
      const s = ctx.state.sessions.get(t.session_id)?.session
      if (s) ctx.state.links.set(linkKey(s.platform_id, s.platform_user_id), person)
    }
    emit(ctx.state, 'transfer.completed', t)
  } else if (action === 'reject' && (t.status === 'requested' || t.status === 'released')) {
    t.status = 'rejected'
    const m = person ? ctx.state.members.get(person) : undefined
    if (m) {
      m.status = 'active'
      addHistory(ctx.state, m, 'transfer_refused', t.from_org_id)
    }
    emit(ctx.state, 'transfer.rejected', t)
  } else throw new Refusal('invalid_request', { message: `cannot ${action} a ${t.status} transfer` })
  t.updated_at = nowIso(ctx.state)
  return t
}
