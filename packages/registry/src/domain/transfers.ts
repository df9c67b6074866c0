/**
 * Membership transfers (网上接转), DOMAIN.md §7.2: requested → released by the source union →
 * accepted by the target union → completed (the org switches atomically, join date kept);
 * either side may refuse, and a transfer not finished in time is refused by the sweeper.
 */
import type { Transfer, TransferRequest } from '@ruhui/core/contract'
import type { Transaction } from 'kysely'
import { decryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import type { Database, TransferTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { recordEvent } from './outbox'
import { requireInScope, reviewerScope } from './scope'
import { transferView } from './views'

export async function requestTransfer(ctx: RegistryContext, caller: Extract<Caller, { kind: 'join_token' }>, body: TransferRequest): Promise<{ status: number; body: Transfer }> {
  const session = await ctx.db.selectFrom('sessions').select(['pending_transfer_enc']).where('id', '=', caller.sessionId).executeTakeFirstOrThrow()
  if (!session.pending_transfer_enc) throw new Refusal('invalid_request', { message: '请先提交入会申请，确认已有会籍后再申请转接' })
  const target = ctx.directory().byId.get(body.to_org_id)
  if (!target || !target.isGrassroots || target.status !== 'active') throw new Refusal('not_found', { param: 'to_org_id' })
  const pending = JSON.parse(decryptField(ctx.keys, session.pending_transfer_enc, 'pending_transfer')) as { personKey: string; fromOrgId: string }
  return ctx.writer.run(async (trx) => {
    const member = await trx.selectFrom('members').select(['status', 'org_id']).where('person_key', '=', pending.personKey).executeTakeFirst()
    if (!member || member.status === 'withdrawn') throw new Refusal('invalid_request', { message: '没有找到可转接的会籍' })
    if (member.status === 'transferring') throw new Refusal('invalid_request', { message: '已有一项转接正在办理' })
    if (member.org_id === body.to_org_id) throw new Refusal('already_member')
    const now = ctx.now()
    const row: TransferTable = { id: newId('trf'), session_id: caller.sessionId, person_key: pending.personKey, from_org_id: member.org_id, to_org_id: body.to_org_id, reason: body.reason, status: 'requested', created_at: iso(now), updated_at: iso(now), expires_at: iso(now + ctx.config.transferTimeoutMs) }
    await trx.insertInto('transfers').values(row).execute()
    await trx.updateTable('members').set({ status: 'transferring', updated_at: iso(now) }).where('person_key', '=', pending.personKey).execute()
    const view = transferView(row)
    await recordEvent(ctx, trx, 'transfer.requested', caller.platformId, view)
    return { status: 201, body: view }
  })
}

export async function retrieveTransfer(ctx: RegistryContext, caller: Caller, id: string): Promise<Transfer> {
  const t = await ctx.db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!t) throw new Refusal('not_found', { param: 'id' })
  if (caller.kind === 'reviewer') {
    const scope = reviewerScope(ctx, caller)
    if (!scope.has(t.from_org_id) && !scope.has(t.to_org_id)) throw new Refusal('not_found', { param: 'id' })
  } else {
    const s = await ctx.db.selectFrom('sessions').select(['platform_id']).where('id', '=', t.session_id).executeTakeFirst()
    const mine = (caller.kind === 'join_token' && t.session_id === caller.sessionId) || (caller.kind === 'secret_key' && s?.platform_id === caller.platformId)
    if (!mine) throw new Refusal('not_found', { param: 'id' })
  }
  return transferView(t)
}

async function platformOf(trx: Transaction<Database>, sessionId: string): Promise<string> {
  return (await trx.selectFrom('sessions').select(['platform_id']).where('id', '=', sessionId).executeTakeFirstOrThrow()).platform_id
}

async function refuse(ctx: RegistryContext, trx: Transaction<Database>, t: TransferTable, now: number): Promise<Transfer> {
  const patch = { status: 'rejected', updated_at: iso(now) }
  await trx.updateTable('transfers').set(patch).where('id', '=', t.id).execute()
  await trx.updateTable('members').set({ status: 'active', updated_at: iso(now) }).where('person_key', '=', t.person_key).execute() // stays at the source
  const view = transferView({ ...t, ...patch })
  await recordEvent(ctx, trx, 'transfer.rejected', await platformOf(trx, t.session_id), view)
  return view
}

export async function actOnTransfer(ctx: RegistryContext, reviewer: Extract<Caller, { kind: 'reviewer' }>, id: string, action: 'release' | 'accept' | 'reject'): Promise<Transfer> {
  const t0 = await ctx.db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!t0) throw new Refusal('not_found', { param: 'id' })
  const scope = reviewerScope(ctx, reviewer)
  if (action === 'release') requireInScope(ctx, reviewer, t0.from_org_id)
  else if (action === 'accept') requireInScope(ctx, reviewer, t0.to_org_id)
  else if (!scope.has(t0.from_org_id) && !scope.has(t0.to_org_id)) throw new Refusal('not_found', { param: 'id' })
  return ctx.writer.run(async (trx) => {
    const t = await trx.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    const now = ctx.now()
    if (action === 'reject' && (t.status === 'requested' || t.status === 'released')) return refuse(ctx, trx, t, now)
    if (action === 'release' && t.status === 'requested') {
      await trx.updateTable('transfers').set({ status: 'released', updated_at: iso(now) }).where('id', '=', id).execute()
      return transferView({ ...t, status: 'released', updated_at: iso(now) })
    }
    if (action === 'accept' && t.status === 'released') {
      await trx.updateTable('transfers').set({ status: 'completed', updated_at: iso(now) }).where('id', '=', id).execute()
      // The switch of organisation is atomic here; join_date is untouched (会龄 continues).
      await trx.updateTable('members').set({ org_id: t.to_org_id, status: 'active', updated_at: iso(now) }).where('person_key', '=', t.person_key).execute()
      const view = transferView({ ...t, status: 'completed', updated_at: iso(now) })
      await recordEvent(ctx, trx, 'transfer.completed', await platformOf(trx, t.session_id), view)
      return view
    }
    throw new Refusal('invalid_request', { message: `转接当前状态为 ${t.status}，不能执行该操作` })
  })
}

/** Refuse transfers that ran out of time; returns how many. */
export async function expireTransfers(ctx: RegistryContext): Promise<number> {
  const due = await ctx.db.selectFrom('transfers').selectAll().where('status', 'in', ['requested', 'released']).where('expires_at', '<', iso(ctx.now())).limit(50).execute()
  for (const t of due) await ctx.writer.run((trx) => refuse(ctx, trx, t, ctx.now()))
  return due.length
}

/** Transfers touching the reviewer's subtree (out of it or into it), newest first. */
export async function listTransfersForReviewer(ctx: RegistryContext, reviewer: Extract<Caller, { kind: 'reviewer' }>, status?: string) {
  if (status !== undefined && !/^[a-z_]{1,30}$/.test(status)) throw new Refusal('parameter_invalid', { param: 'status' })
  const scope = [...reviewerScope(ctx, reviewer)]
  let q = ctx.db.selectFrom('transfers').selectAll().where((eb) => eb.or([eb('from_org_id', 'in', scope), eb('to_org_id', 'in', scope)]))
  if (status) q = q.where('status', '=', status)
  const rows = await q.orderBy('created_at', 'desc').limit(200).execute()
  const directory = ctx.directory()
  return { object: 'list' as const, data: rows.map((t) => ({ ...transferView(t), from_org_name: directory.byId.get(t.from_org_id)?.name ?? null, to_org_name: directory.byId.get(t.to_org_id)?.name ?? null, direction: reviewerScope(ctx, reviewer).has(t.to_org_id) ? 'in' : 'out' })) }
}
