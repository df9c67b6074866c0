/**
 * Membership transfers (网上接转), DOMAIN.md §7.2: requested → released by the source union →
 * accepted by the target union → completed (the org switches atomically, join date kept);
 * either side may refuse, and a transfer not finished in time is refused by the sweeper.
 */
import { type PlatformTransfer, type Transfer, type TransferRequest, platformTransferView, toChinaTime } from '@ruhui/core/contract'
import type { Transaction } from 'kysely'
import { decryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import type { Database, TransferTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { reissueCard } from './member-cards'
import { recordMembershipEvent } from './membership-events'
import { linkSessionPerson } from './person-links'
import { requireInScope, reviewerScope } from './scope'
import { platformMayKnowMembership, recordTransferEvent } from './transfer-visibility'
import { transferView } from './views'

export async function requestTransfer(ctx: RegistryContext, caller: Extract<Caller, { kind: 'join_token' }>, body: TransferRequest): Promise<Transfer> {
  const session = await ctx.db.selectFrom('sessions').select(['pending_transfer_enc']).where('id', '=', caller.sessionId).executeTakeFirstOrThrow()
  if (!session.pending_transfer_enc) throw new Refusal('invalid_request', { message: '请先提交入会申请，确认已有会籍后再申请转接' })
  const target = ctx.directory().byId.get(body.to_org_id)
  if (!target || !target.isGrassroots || target.status !== 'active') throw new Refusal('not_found', { param: 'to_org_id' })
  const pending = JSON.parse(decryptField(ctx.keys, session.pending_transfer_enc, 'pending_transfer')) as { personKey: string; fromOrgId: string }
  return ctx.writer.run(async (trx) => {
    const member = await trx.selectFrom('members').select(['status', 'org_id']).where('person_key', '=', pending.personKey).executeTakeFirst()
    if (!member || member.status === 'withdrawn' || member.status === 'expelled') throw new Refusal('invalid_request', { message: '没有找到可转接的会籍' })
    if (member.status === 'transferring') throw new Refusal('invalid_request', { message: '已有一项转接正在办理' })
    // A retained membership (保留会籍) is restored by the union before it can move.
    if (member.status === 'retained') throw new Refusal('membership_retained', { param: 'membership.status' })
    if (member.org_id === body.to_org_id) throw new Refusal('already_member')
    const now = ctx.now()
    // Only an active membership moves: checked by the write itself (a change meanwhile wins).
    const moved = await trx.updateTable('members').set({ status: 'transferring', updated_at: iso(now) }).where('person_key', '=', pending.personKey).where('status', '=', 'active').executeTakeFirst()
    if (Number(moved.numUpdatedRows) !== 1) throw new Refusal('invalid_request', { message: '已有一项转接正在办理' })
    const row: TransferTable = { id: newId('trf'), session_id: caller.sessionId, person_key: pending.personKey, from_org_id: member.org_id, to_org_id: body.to_org_id, reason: body.reason, status: 'requested', created_at: iso(now), updated_at: iso(now), expires_at: iso(now + ctx.config.transferTimeoutMs), home_county: null, home_township: null }
    await trx.insertInto('transfers').values(row).execute()
    await recordMembershipEvent(trx, { personKey: pending.personKey, kind: 'transfer_requested', orgId: body.to_org_id, now })
    const view = transferView(row)
    await recordTransferEvent(ctx, trx, 'transfer.requested', caller.platformId, pending.personKey, view)
    return view
  })
}

export async function retrieveTransfer(ctx: RegistryContext, caller: Caller, id: string): Promise<Transfer | PlatformTransfer> {
  const t = await ctx.db.selectFrom('transfers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!t) throw new Refusal('not_found', { param: 'id' })
  if (caller.kind === 'reviewer') {
    const scope = reviewerScope(ctx, caller)
    if (!scope.has(t.from_org_id) && !scope.has(t.to_org_id)) throw new Refusal('not_found', { param: 'id' })
  } else {
    const s = await ctx.db.selectFrom('sessions').select(['platform_id']).where('id', '=', t.session_id).executeTakeFirst()
    const mine = (caller.kind === 'join_token' && t.session_id === caller.sessionId) || (caller.kind === 'secret_key' && s?.platform_id === caller.platformId)
    if (!mine) throw new Refusal('not_found', { param: 'id' })
    // Only members have transfers: without the driver's consent the platform reads none, as if it did not exist (H2).
    if (caller.kind === 'secret_key' && !(await platformMayKnowMembership(ctx.db, t.person_key, caller.platformId))) throw new Refusal('not_found', { param: 'id' })
  }
  // The platform learns that a transfer is under way and how it stands, not between which unions (issue #13).
  return caller.kind === 'secret_key' ? platformTransferView(transferView(t)) : transferView(t)
}

async function platformOf(trx: Transaction<Database>, sessionId: string): Promise<string> {
  return (await trx.selectFrom('sessions').select(['platform_id']).where('id', '=', sessionId).executeTakeFirstOrThrow()).platform_id
}

const OPEN = ['requested', 'released']
const ACTION_ZH = { release: '同意转出', accept: '接收', reject: '退回' } as const

/**
 * Refuse a transfer that is still open, in the caller's transaction, the state checked by the
 * write itself: undefined when it is no longer open (accepted or refused meanwhile, by another
 * reviewer or another registry process). `dueBy` refuses only if it also ran out of time by then.
 */
async function refuse(ctx: RegistryContext, trx: Transaction<Database>, t: TransferTable, now: number, dueBy?: string): Promise<Transfer | undefined> {
  const patch = { status: 'rejected', updated_at: iso(now) }
  let q = trx.updateTable('transfers').set(patch).where('id', '=', t.id).where('status', 'in', OPEN)
  if (dueBy) q = q.where('expires_at', '<', dueBy)
  if (Number((await q.executeTakeFirst()).numUpdatedRows) !== 1) return undefined
  // Stays at the source, as it was before the move (a transfer starts only from 'active'); a status
  // the union set meanwhile (retained, expelled) is left alone. Its home region was never changed.
  await trx.updateTable('members').set({ status: 'active', updated_at: iso(now) }).where('person_key', '=', t.person_key).where('status', '=', 'transferring').execute()
  await recordMembershipEvent(trx, { personKey: t.person_key, kind: 'transfer_refused', orgId: t.from_org_id, now })
  const view = transferView({ ...t, ...patch })
  await recordTransferEvent(ctx, trx, 'transfer.rejected', await platformOf(trx, t.session_id), t.person_key, view)
  return view
}

/** Move an open transfer from one state to the next, only if it is still in the state read and not past its time. */
async function advance(trx: Transaction<Database>, t: TransferTable, from: string, to: string, now: number): Promise<void> {
  const r = await trx.updateTable('transfers').set({ status: to, updated_at: iso(now) }).where('id', '=', t.id).where('status', '=', from).where('expires_at', '>=', iso(now)).executeTakeFirst()
  if (Number(r.numUpdatedRows) !== 1) throw new Refusal('lock_conflict', { message: '这项转接刚刚被他人办理或已超过期限，请刷新后查看' })
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
    if (OPEN.includes(t.status) && t.expires_at < iso(now)) {
      throw new Refusal('invalid_request', { message: `这项转接已超过办理期限（${toChinaTime(Date.parse(t.expires_at))}），不能再${ACTION_ZH[action]}；期限已过的转接会自动退回，请司机重新申请` })
    }
    if (action === 'reject' && OPEN.includes(t.status)) {
      const view = await refuse(ctx, trx, t, now)
      if (view) return view
      throw new Refusal('lock_conflict', { message: '这项转接刚刚被他人办理，请刷新后查看' })
    }
    if (action === 'release' && t.status === 'requested') {
      await advance(trx, t, 'requested', 'released', now)
      return transferView({ ...t, status: 'released', updated_at: iso(now) })
    }
    if (action === 'accept' && t.status === 'released') {
      await advance(trx, t, 'released', 'completed', now)
      // The switch of organisation is atomic here; join_date is untouched (会龄 continues).
      // The home region the member asked to move to is theirs from now on, not before (a refused move keeps the old one).
      const home = t.home_county ? { home_county: t.home_county, home_township: t.home_township } : {}
      await trx.updateTable('members').set({ org_id: t.to_org_id, ...home, updated_at: iso(now) }).where('person_key', '=', t.person_key).execute()
      await trx.updateTable('members').set({ status: 'active' }).where('person_key', '=', t.person_key).where('status', '=', 'transferring').execute()
      // The card names the new union from now on (issue #16); the old one is reported revoked. The
      // driver who asked (from the join flow, perhaps on another platform) reads the membership from then on.
      await reissueCard(ctx, trx, t.person_key, now)
      await linkSessionPerson(trx, t.session_id, t.person_key, now)
      await recordMembershipEvent(trx, { personKey: t.person_key, kind: 'transferred', orgId: t.to_org_id, now })
      const view = transferView({ ...t, status: 'completed', updated_at: iso(now) })
      await recordTransferEvent(ctx, trx, 'transfer.completed', await platformOf(trx, t.session_id), t.person_key, view)
      return view
    }
    throw new Refusal('invalid_request', { message: `转接当前状态为 ${t.status}，不能执行该操作` })
  })
}

/**
 * Refuse transfers that ran out of time; returns how many. Read and refused in one transaction,
 * each refusal conditional on the transfer being still open and due: a transfer accepted (by
 * this or another process) after the read is left as it is.
 */
export async function expireTransfers(ctx: RegistryContext): Promise<number> {
  // Most passes find nothing: a plain read first keeps them out of the write queue.
  const any = await ctx.db.selectFrom('transfers').select('id').where('status', 'in', OPEN).where('expires_at', '<', iso(ctx.now())).limit(1).executeTakeFirst()
  if (!any) return 0
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const due = await trx.selectFrom('transfers').selectAll().where('status', 'in', OPEN).where('expires_at', '<', iso(now)).limit(50).execute()
    let refused = 0
    for (const t of due) if (await refuse(ctx, trx, t, now, iso(now))) refused++
    return refused
  })
}
