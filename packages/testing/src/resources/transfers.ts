import type { Transfer, TransferRequest } from '@ruhui/core/contract'
import { emit } from '../events'
import { type Ctx, Refusal, nextId, nowIso } from '../http-kit'
import { findSession } from './sessions'

export function requestTransfer(ctx: Ctx, body: TransferRequest): Transfer {
  const session = findSession(ctx, ctx.sessionId as string)
  const pending = session.pendingTransfer
  if (!pending) throw new Refusal('invalid_request', { message: '请先提交入会申请，确认已有会籍后再申请转接' })
  if (!ctx.state.directory.byId.has(body.to_org_id)) throw new Refusal('not_found', { param: 'to_org_id' })
  const now = nowIso(ctx.state)
  const transfer: Transfer = { id: nextId(ctx.state, 'trf'), object: 'transfer', session_id: session.session.id, status: 'requested', from_org_id: pending.fromOrgId, to_org_id: body.to_org_id, reason: body.reason, created_at: now, updated_at: now }
  ctx.state.transfers.set(transfer.id, transfer)
  const member = ctx.state.members.get(pending.personKey)
  if (member) member.status = 'transferring'
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

/** The two-sided release/accept of DOMAIN.md §7.2, forced from a test. */
export function advanceTransfer(ctx: Ctx, id: string, action: 'release' | 'accept' | 'reject'): Transfer {
  const t = ctx.state.transfers.get(id)
  if (!t) throw new Refusal('not_found')
  const person = [...ctx.state.sessions.values()].find((s) => s.session.id === t.session_id)?.pendingTransfer?.personKey
  if (action === 'release' && t.status === 'requested') t.status = 'released'
  else if (action === 'accept' && t.status === 'released') {
    t.status = 'completed'
    if (person) ctx.state.members.set(person, { orgId: t.to_org_id, status: 'active' }) // join date kept: same record, new org
    emit(ctx.state, 'transfer.completed', t)
  } else if (action === 'reject' && (t.status === 'requested' || t.status === 'released')) {
    t.status = 'rejected'
    const m = person ? ctx.state.members.get(person) : undefined
    if (m) m.status = 'active'
    emit(ctx.state, 'transfer.rejected', t)
  } else throw new Refusal('invalid_request', { message: `cannot ${action} a ${t.status} transfer` })
  t.updated_at = nowIso(ctx.state)
  return t
}
