import { subtree } from './directory'
import { type Caller, Refusal, type RegistryContext } from './context'

const cache = new WeakMap<object, Map<string, Set<string>>>()

/** The organisations a reviewer may act for: their own and everything under it. */
export function reviewerScope(ctx: RegistryContext, reviewer: Extract<Caller, { kind: 'reviewer' }>): Set<string> {
  const directory = ctx.directory()
  let byRoot = cache.get(directory)
  if (!byRoot) cache.set(directory, (byRoot = new Map()))
  let scope = byRoot.get(reviewer.orgId)
  if (!scope) byRoot.set(reviewer.orgId, (scope = subtree(directory, reviewer.orgId)))
  return scope
}

export function requireInScope(ctx: RegistryContext, reviewer: Extract<Caller, { kind: 'reviewer' }>, orgId: string | null): void {
  // Outside the subtree is answered exactly like a record that does not exist.
  if (orgId === null || !reviewerScope(ctx, reviewer).has(orgId)) throw new Refusal('not_found', { param: 'id' })
}

/** An organisation's admin: administers its own subtree (the audit log of its reviewers). */
export function requireAdmin(reviewer: Extract<Caller, { kind: 'reviewer' }>, message: string): void {
  if (reviewer.role !== 'admin') throw new Refusal('forbidden', { message })
}

/**
 * A registry admin (issue #19, finding 9): an admin of a root organisation of the directory (no
 * upper-level union), or an account the CLI made with `--role registry_admin`. Only they hold
 * registry-wide rights: platforms and their keys, data-sharing partners, the whole audit log.
 */
export async function isRegistryAdmin(ctx: RegistryContext, reviewer: Extract<Caller, { kind: 'reviewer' }>): Promise<boolean> {
  if (reviewer.role !== 'admin') return false
  const org = ctx.directory().byId.get(reviewer.orgId)
  if (org && org.parentId === undefined) return true
  const row = await ctx.db.selectFrom('reviewers').select('role').where('id', '=', reviewer.reviewerId).executeTakeFirst()
  return row?.role === 'registry_admin'
}

export async function requireRegistryAdmin(ctx: RegistryContext, reviewer: Extract<Caller, { kind: 'reviewer' }>, message: string): Promise<void> {
  if (!(await isRegistryAdmin(ctx, reviewer))) throw new Refusal('forbidden', { message })
}
