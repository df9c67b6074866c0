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

/** Platform keys, partners and the audit log are for the registry's administrators only. */
export function requireAdmin(reviewer: Extract<Caller, { kind: 'reviewer' }>, message: string): void {
  if (reviewer.role !== 'admin') throw new Refusal('forbidden', { message })
}
