/**
 * New or edited directory entries checked against the stored directory in one pass (issue #19,
 * finding 2): each entry on its own (schema and rules of @ruhui/core/matching), then the parent
 * chains once, over the directory as it would be. An entry whose parent is unknown, dropped or in
 * a cycle is dropped with its whole chain at once; nothing is checked twice.
 */
import { type UnionOrg, checkDirectory } from '@ruhui/core/matching'
import type { Issue } from '@ruhui/core'
import type { RegistryContext } from './context'

export interface EntryProblem {
  /** The entry's position in the list it came in. */
  index: number
  id: string | null
  issue: Issue
}

const idOf = (entry: unknown) => (typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : null)

/** Each entry alone: the parent is left out (checked below), unless it is not even a string. */
function checkAlone(entry: unknown, index: number): { org: UnionOrg } | { issues: Issue[] } {
  const alone = typeof entry === 'object' && entry !== null && !Array.isArray(entry) && typeof (entry as { parentId?: unknown }).parentId === 'string' ? { ...(entry as object), parentId: undefined } : entry
  const checked = checkDirectory([alone])
  if (!checked.ok) return { issues: checked.issues.map((i) => ({ ...i, path: [index, ...i.path.slice(1)], params: { ...i.params, index } })) }
  const parentId = (entry as { parentId?: string }).parentId
  return { org: { ...(checked.value.orgs[0] as UnionOrg), ...(parentId !== undefined ? { parentId } : {}) } }
}

/**
 * The entries that pass, by index, and the problems of the others. `entries` must not repeat an
 * id (the caller reports repeats). Linear in the entries and the depth of the directory.
 */
export function checkEntries(ctx: RegistryContext, entries: unknown[]): { good: Map<number, UnionOrg>; problems: EntryProblem[] } {
  const problems: EntryProblem[] = []
  const alone = new Map<string, { org: UnionOrg; index: number }>()
  entries.forEach((entry, index) => {
    const r = checkAlone(entry, index)
    if ('issues' in r) for (const issue of r.issues) problems.push({ index, id: idOf(entry), issue })
    else alone.set(r.org.id, { org: r.org, index })
  })
  // The directory as it would be: the entries that passed over the stored ones. An entry that
  // failed on its own leaves its id unresolvable here only if it is not already stored.
  const stored = ctx.directory().byId
  const failed = new Set(entries.map(idOf).filter((id): id is string => id !== null && !alone.has(id) && !stored.has(id)))
  const parentOf = (id: string): string | undefined => (alone.has(id) ? alone.get(id)?.org.parentId : stored.get(id)?.parentId)
  const exists = (id: string) => alone.has(id) || (stored.has(id) && !failed.has(id))
  // Resolve every chain once: 'ok' reaches a root; otherwise the reason the chain breaks.
  type State = 'ok' | { code: 'unknown_parent' | 'parent_cycle'; parentId: string }
  const state = new Map<string, State>()
  const visit = (start: string) => {
    const path: string[] = []
    const onPath = new Set<string>()
    let cursor: string | undefined = start
    let result: State = 'ok'
    while (cursor !== undefined) {
      const known = state.get(cursor)
      if (known !== undefined) {
        result = known === 'ok' ? 'ok' : { code: 'unknown_parent', parentId: cursor }
        break
      }
      if (onPath.has(cursor)) {
        result = { code: 'parent_cycle', parentId: cursor }
        break
      }
      if (!exists(cursor)) {
        result = { code: 'unknown_parent', parentId: cursor }
        break
      }
      path.push(cursor)
      onPath.add(cursor)
      cursor = parentOf(cursor)
    }
    // Everything on the path shares the outcome; a node whose own parent is the break names it.
    for (const id of path) state.set(id, result)
  }
  const good = new Map<number, UnionOrg>()
  for (const [id, { org, index }] of alone) {
    if (!state.has(id)) visit(id)
    const s = state.get(id) as State
    if (s === 'ok') good.set(index, org)
    else problems.push({ index, id, issue: { code: s.code, path: [index, 'parentId'], params: { index, id, parentId: org.parentId ?? s.parentId } } })
  }
  problems.sort((a, b) => a.index - b.index)
  return { good, problems }
}
