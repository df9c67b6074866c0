/**
 * Directory management from the console: list, add or edit an organisation, import a directory
 * file. Every entry is checked by @ruhui/core/matching; an import keeps the rows that pass and
 * reports the others row by row (nothing already stored is lost). Only the reviewer's subtree.
 */
import { type UnionOrg, checkDirectory, formatDirectoryIssue } from '@ruhui/core/matching'
import type { Issue } from '@ruhui/core'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { reviewerScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

const orgView = (o: UnionOrg, members?: number) => ({
  id: o.id,
  name: o.name,
  type: o.type,
  level: o.level,
  is_grassroots: o.isGrassroots,
  region_code: o.regionCode,
  township_code: o.townshipCode ?? null,
  parent_id: o.parentId ?? null,
  uscc: o.uscc ?? null,
  coverage: o.coverage,
  accepts_online: o.acceptsOnline,
  status: o.status,
  ...(members !== undefined ? { members } : {}),
  data: o,
})

export function listOrgs(ctx: RegistryContext, reviewer: Reviewer, q: { q?: string; region_prefix?: string; limit?: string }) {
  const scope = reviewerScope(ctx, reviewer)
  const limit = Math.min(500, Number(q.limit ?? 100) || 100)
  const found = ctx.directory().orgs.filter((o) => scope.has(o.id) && (!q.q || o.name.includes(q.q) || o.id.includes(q.q)) && (!q.region_prefix || o.regionCode.startsWith(q.region_prefix)))
  return { object: 'list' as const, data: found.slice(0, limit).map((o) => orgView(o)), has_more: found.length > limit, total: found.length }
}

/**
 * Check entries in the context of the stored directory (their parents may be stored ones):
 * the problems of each entry, by its index in `entries`; an entry whose parent is dropped is
 * checked again, until what is left is consistent.
 */
function checkInContext(ctx: RegistryContext, entries: unknown[]): { good: UnionOrg[]; issues: Map<number, Issue[]> } {
  const issues = new Map<number, Issue[]>()
  let left = entries.map((entry, index) => ({ entry, index }))
  for (;;) {
    const ids = new Set(left.map((l) => (l.entry as { id?: unknown })?.id))
    const stored = ctx.directory().orgs.filter((o) => !ids.has(o.id))
    const checked = checkDirectory([...stored, ...left.map((l) => l.entry)])
    if (checked.ok) return { good: checked.value.orgs.slice(stored.length) as UnionOrg[], issues }
    const bad = new Set<number>()
    for (const i of checked.issues) {
      const at = typeof i.path[0] === 'number' ? i.path[0] - stored.length : -1
      const row = left[at]
      if (!row) continue // a stored entry's problem cannot come from the new ones; ignore it here
      bad.add(at)
      const list = issues.get(row.index) ?? []
      list.push({ ...i, path: [row.index, ...i.path.slice(1)], params: { ...i.params, index: row.index } })
      issues.set(row.index, list)
    }
    if (bad.size === 0) return { good: [], issues }
    left = left.filter((_, i) => !bad.has(i))
  }
}

/** Where a new or edited organisation may sit: under an organisation of the reviewer's subtree. */
function checkPlacement(ctx: RegistryContext, reviewer: Reviewer, org: UnionOrg, existing: UnionOrg | undefined): string | null {
  const scope = reviewerScope(ctx, reviewer)
  if (existing && !scope.has(existing.id)) return '该组织不在本级工会管辖范围内'
  if (!existing && (!org.parentId || !scope.has(org.parentId))) return '新组织的上级工会必须是本级或下级工会'
  if (org.parentId && !ctx.directory().byId.has(org.parentId)) return `上级工会 ${org.parentId} 不存在`
  if (existing && org.parentId !== existing.parentId && (!org.parentId || !scope.has(org.parentId))) return '只能调整到本级或下级工会之下'
  return null
}

async function store(ctx: RegistryContext, reviewer: Reviewer, orgs: UnionOrg[], action: string) {
  if (orgs.length === 0) return
  await ctx.writer.run(async (trx) => {
    for (const o of orgs) {
      const row = { id: o.id, parent_id: o.parentId ?? null, name: o.name, type: o.type, region_code: o.regionCode, data: JSON.stringify(o) }
      const had = await trx.selectFrom('orgs').select('id').where('id', '=', o.id).executeTakeFirst()
      if (had) await trx.updateTable('orgs').set(row).where('id', '=', o.id).execute()
      else await trx.insertInto('orgs').values(row).execute()
    }
    await trx.deleteFrom('settings').where('key', '=', 'directory_version').execute()
    await trx.insertInto('settings').values({ key: 'directory_version', value: `${ctx.now()}-${reviewer.id}-${orgs.length}` }).execute()
    await trx.insertInto('audit_log').values({ actor: reviewer.id, action, subject: orgs.map((o) => o.id).join(',').slice(0, 1000), created_at: iso(ctx.now()) }).execute()
  })
  await ctx.reloadDirectory?.()
}

/** Add (no such id yet) or replace one organisation; refused with the first problem's field. */
export async function saveOrg(ctx: RegistryContext, reviewer: Reviewer, input: unknown, idFromPath?: string) {
  const existing = idFromPath ? ctx.directory().byId.get(idFromPath) : ctx.directory().byId.get((input as { id?: string })?.id as string)
  // Outside the subtree is answered like an organisation that does not exist.
  if (idFromPath && (!existing || !reviewerScope(ctx, reviewer).has(existing.id))) throw new Refusal('not_found', { param: 'id' })
  // An edit changes the fields it names and keeps the rest.
  const candidate = (idFromPath ? { ...existing, ...(input as object), id: idFromPath } : input) as UnionOrg
  if (!idFromPath && existing) throw new Refusal('parameter_invalid', { param: 'id', message: `组织编号 ${candidate.id} 已存在，请编辑它` })
  const { good, issues } = checkInContext(ctx, [candidate])
  const first = issues.get(0)?.[0]
  if (first) {
    const { index: _index, ...params } = first.params ?? {}
    throw new Refusal('parameter_invalid', { param: first.path.slice(1).join('.'), message: formatDirectoryIssue({ ...first, params }) })
  }
  const org = good[0] as UnionOrg
  const problem = checkPlacement(ctx, reviewer, org, existing)
  if (problem) throw new Refusal('parameter_invalid', { param: existing ? 'id' : 'parentId', message: problem })
  await store(ctx, reviewer, [org], existing ? 'org_update' : 'org_create')
  return orgView(org)
}

export interface ImportReport {
  object: 'directory_import'
  received: number
  imported: number
  created: number
  updated: number
  errors: Array<{ row: number; id: string | null; field: string; message: string }>
}

/** Import a directory file: rows that pass are stored, the others reported (row numbers from 1). */
export async function importOrgs(ctx: RegistryContext, reviewer: Reviewer, input: unknown): Promise<ImportReport> {
  let list: unknown = input
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const file = input as { format?: unknown; version?: unknown; organisations?: unknown }
    if (file.format !== 'ruhui-directory') throw new Refusal('parameter_invalid', { param: 'format', message: '文件格式应为 ruhui-directory（或组织数组）' })
    if (file.version !== 1) throw new Refusal('parameter_invalid', { param: 'version', message: '只支持第 1 版目录文件' })
    list = file.organisations
  }
  if (!Array.isArray(list)) throw new Refusal('parameter_invalid', { param: 'organisations', message: '没有找到组织列表' })
  if (list.length > 5000) throw new Refusal('parameter_invalid', { param: 'organisations', message: '一次最多导入 5000 个组织' })
  const errors: ImportReport['errors'] = []
  const idOf = (entry: unknown) => (typeof (entry as { id?: unknown })?.id === 'string' ? (entry as { id: string }).id : null)
  // The same id twice in one file: the later rows are reported, the first one goes on.
  const seen = new Set<string>()
  const unique: unknown[] = []
  const rowOf: number[] = []
  list.forEach((entry, index) => {
    const id = idOf(entry)
    if (id !== null && seen.has(id)) return void errors.push({ row: index + 1, id, field: 'id', message: `第 ${index + 1} 条（${id}）：文件中组织编号重复` })
    if (id !== null) seen.add(id)
    unique.push(entry)
    rowOf.push(index)
  })
  const { good, issues } = checkInContext(ctx, unique)
  for (const [i, list_] of issues) {
    const index = rowOf[i] as number
    const id = idOf(unique[i])
    for (const issue of list_) errors.push({ row: index + 1, id, field: issue.path.slice(1).join('.'), message: formatDirectoryIssue({ ...issue, params: { ...issue.params, index, ...(id ? { id } : {}) } }) })
  }
  // Placement is checked against the directory as it will be: parents may come earlier in the file.
  const accepted: UnionOrg[] = []
  const pending = new Map(good.map((o) => [o.id, o]))
  const scope = reviewerScope(ctx, reviewer)
  const inScope = (id: string | undefined): boolean => id !== undefined && (scope.has(id) || (pending.has(id) && accepted.some((a) => a.id === id)))
  let progressed = true
  const left = new Set(good.map((o) => o.id))
  while (progressed) {
    progressed = false
    for (const id of [...left]) {
      const o = pending.get(id) as UnionOrg
      const existing = ctx.directory().byId.get(o.id)
      const ok = existing ? scope.has(existing.id) && (o.parentId === existing.parentId || inScope(o.parentId)) : inScope(o.parentId)
      if (ok) {
        accepted.push(o)
        left.delete(id)
        progressed = true
      }
    }
  }
  for (const id of left) {
    const index = list.findIndex((e) => (e as { id?: unknown })?.id === id)
    errors.push({ row: index + 1, id, field: 'parentId', message: `第 ${index + 1} 条（${id}）：上级工会不在本级工会管辖范围内，或该组织不归本级管理` })
  }
  errors.sort((a, b) => a.row - b.row)
  const created = accepted.filter((o) => !ctx.directory().byId.has(o.id)).length
  await store(ctx, reviewer, accepted, 'org_import')
  return { object: 'directory_import', received: list.length, imported: accepted.length, created, updated: accepted.length - created, errors }
}
