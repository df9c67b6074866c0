/**
 * The audit log for admins: who read personal data, exported, signed in, changed the directory,
 * the services or the platforms, and what partners read. Newest first; filters by action.
 * Scoped like everything else (issue #19): an organisation's admin sees what the reviewers of
 * its subtree did; only a registry admin sees the whole log (partners, platforms, other unions).
 */
import { type Caller, Refusal, type RegistryContext } from './context'
import { isRegistryAdmin, requireAdmin, reviewerScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export async function listAudit(ctx: RegistryContext, reviewer: Reviewer, q: { action?: string | undefined; limit?: string | undefined }) {
  requireAdmin(reviewer, '只有管理员可以查看审计日志')
  if (q.action !== undefined && !/^[a-z_]{1,40}$/.test(q.action)) throw new Refusal('parameter_invalid', { param: 'action' })
  if (q.limit !== undefined && !/^(?:[1-9]\d{0,2}|1000)$/.test(q.limit)) throw new Refusal('parameter_invalid', { param: 'limit' })
  let query = ctx.db.selectFrom('audit_log').select(['id', 'actor', 'action', 'subject', 'created_at'])
  if (q.action) query = query.where('action', '=', q.action)
  if (!(await isRegistryAdmin(ctx, reviewer))) {
    const orgs = [...reviewerScope(ctx, reviewer)]
    const actors = (await ctx.db.selectFrom('reviewers').select('id').where('org_id', 'in', orgs).execute()).map((r) => `reviewer:${r.id}`)
    query = query.where('actor', 'in', actors) // never empty: the admin is one of them
  }
  const rows = await query.orderBy('id', 'desc').limit(Number(q.limit ?? 200)).execute()
  // Name the people: reviewers and partners by their names, never by a key.
  const reviewers = new Map((await ctx.db.selectFrom('reviewers').select(['id', 'name']).execute()).map((r) => [`reviewer:${r.id}`, r.name]))
  const partners = new Map((await ctx.db.selectFrom('partners').select(['id', 'name']).execute()).map((p) => [`partner:${p.id}`, p.name]))
  return { object: 'list' as const, data: rows.map((r) => ({ ...r, id: Number(r.id), actor_name: reviewers.get(r.actor) ?? partners.get(r.actor) ?? r.actor })) }
}
