/**
 * Transfers (会籍接转) as union staff see them: both unions, the releasing and the receiving one,
 * see the transfer in their own subtree, with who is moving (the masked name only) and the step
 * each of them takes next. The state machine itself is in transfers.ts.
 */
import { toChinaTime } from '@ruhui/core/contract'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { reviewerScope } from './scope'
import { transferView } from './views'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>
export type TransferStep = 'release' | 'accept' | 'reject'

/**
 * What the reviewer's unions may do now: the releasing union releases or refuses a requested
 * transfer, the receiving union accepts or refuses a released one (DOMAIN.md §7.2). `waiting_for`
 * names the side whose step it is, so the other side sees what it is waiting on.
 */
export function stepsFor(status: string, mine: { from: boolean; to: boolean }, expired: boolean): { actions: TransferStep[]; waiting_for: 'from' | 'to' | null } {
  if (status === 'requested') return { actions: mine.from && !expired ? ['release', 'reject'] : [], waiting_for: 'from' }
  if (status === 'released') return { actions: mine.to && !expired ? ['accept', 'reject'] : [], waiting_for: 'to' }
  return { actions: [], waiting_for: null }
}

/** Transfers touching the reviewer's subtree (out of it or into it), newest first. */
export async function listTransfersForReviewer(ctx: RegistryContext, reviewer: Reviewer, status?: string) {
  if (status !== undefined && !/^[a-z_]{1,30}$/.test(status)) throw new Refusal('parameter_invalid', { param: 'status' })
  const scope = reviewerScope(ctx, reviewer)
  const ids = [...scope]
  let q = ctx.db
    .selectFrom('transfers')
    .leftJoin('members', 'members.person_key', 'transfers.person_key')
    .leftJoin('applications', 'applications.id', 'members.application_id')
    .selectAll('transfers')
    .select(['applications.name_masked', 'members.join_date'])
    .where((eb) => eb.or([eb('transfers.from_org_id', 'in', ids), eb('transfers.to_org_id', 'in', ids)]))
  if (status) q = q.where('transfers.status', '=', status)
  const rows = await q.orderBy('transfers.created_at', 'desc').limit(200).execute()
  const directory = ctx.directory()
  const now = iso(ctx.now())
  return {
    object: 'list' as const,
    data: rows.map(({ name_masked: name, join_date: joinDate, ...t }) => {
      const mine = { from: scope.has(t.from_org_id), to: scope.has(t.to_org_id) }
      const open = t.status === 'requested' || t.status === 'released'
      return {
        ...transferView(t),
        /** The member moving, masked as everywhere in the console (`**试`); the full name only by a logged reveal of the application. */
        member_name: name ?? null,
        join_date: joinDate ?? null,
        from_org_name: directory.byId.get(t.from_org_id)?.name ?? null,
        to_org_name: directory.byId.get(t.to_org_id)?.name ?? null,
        /** The deadline of an open transfer; past it the sweeper refuses it. */
        expires_at: toChinaTime(Date.parse(t.expires_at)),
        overdue: open && t.expires_at < now,
        /** 'in' when the receiving union is the reviewer's (both sides when one admin covers both unions). */
        direction: mine.to ? ('in' as const) : ('out' as const),
        /** The sides the reviewer's unions are on: both when one upper-level union covers the two. */
        sides: [...(mine.from ? (['from'] as const) : []), ...(mine.to ? (['to'] as const) : [])],
        ...stepsFor(t.status, mine, open && t.expires_at < now),
      }
    }),
  }
}
