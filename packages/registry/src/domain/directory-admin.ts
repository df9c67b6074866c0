/**
 * Directory management from the console: list, add or edit an organisation, import a directory
 * file. Every entry is checked by @ruhui/core/matching; an import keeps the rows that pass and
 * reports the others row by row (nothing already stored is lost). Only the reviewer's subtree,
 * and only inside the region of the reviewer's organisation (jurisdiction.ts).
 */

/** Rows per import: one request stays well under a second of work (issue #19). */
export const MAX_IMPORT_ROWS = 2000
import { type UnionOrg, formatDirectoryIssue } from '@ruhui/core/matching'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { checkEntries } from './directory-entries'
import { checkJurisdiction } from './jurisdiction'
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

export function listOrgs(ctx: RegistryContext, reviewer: Reviewer, q: { q?: string | undefined; region_prefix?: string | undefined; limit?: string | undefined }) {
  const scope = reviewerScope(ctx, reviewer)
  const limit = Math.min(500, Number(q.limit ?? 100) || 100)
  const found = ctx.directory().orgs.filter((o) => scope.has(o.id) && (!q.q || o.name.includes(q.q) || o.id.includes(q.q)) && (!q.region_prefix || o.regionCode.startsWith(q.region_prefix)))
  return { object: 'list' as const, data: found.slice(0, limit).map((o) => orgView(o)), has_more: found.length > limit, total: found.length }
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
    // Which rows exist, asked once per 500; new rows inserted 200 at a time (an import is up to MAX_IMPORT_ROWS).
    const had = new Set<string>()
    for (let i = 0; i < orgs.length; i += 500) for (const r of await trx.selectFrom('orgs').select('id').where('id', 'in', orgs.slice(i, i + 500).map((o) => o.id)).execute()) had.add(r.id)
    // When it was first listed is the registry's to say: kept on an edit, now for a new entry, whatever the input says.
    const listed = (o: UnionOrg): UnionOrg => {
      const since = had.has(o.id) ? ctx.directory().byId.get(o.id)?.registeredAt : iso(ctx.now())
      const { registeredAt: _ignored, ...rest } = o
      return since ? { ...rest, registeredAt: since } : rest
    }
    const rowOf = (input: UnionOrg) => {
      const o = listed(input)
      return { id: o.id, parent_id: o.parentId ?? null, name: o.name, type: o.type, region_code: o.regionCode, data: JSON.stringify(o) }
    }
    for (const o of orgs) if (had.has(o.id)) await trx.updateTable('orgs').set(rowOf(o)).where('id', '=', o.id).execute()
    const fresh = orgs.filter((o) => !had.has(o.id)).map(rowOf)
    for (let i = 0; i < fresh.length; i += 200) await trx.insertInto('orgs').values(fresh.slice(i, i + 200)).execute()
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
  const { good, problems } = checkEntries(ctx, [candidate])
  const first = problems[0]?.issue
  if (first) {
    const { index: _index, ...params } = first.params ?? {}
    throw new Refusal('parameter_invalid', { param: first.path.slice(1).join('.'), message: formatDirectoryIssue({ ...first, params }) })
  }
  const org = good.get(0) as UnionOrg
  const problem = checkPlacement(ctx, reviewer, org, existing)
  if (problem) throw new Refusal('parameter_invalid', { param: existing ? 'id' : 'parentId', message: problem })
  const outside = checkJurisdiction(ctx, reviewer, org)
  if (outside) throw new Refusal('parameter_invalid', outside)
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
  if (list.length > MAX_IMPORT_ROWS) throw new Refusal('parameter_invalid', { param: 'organisations', message: `一次最多导入 ${MAX_IMPORT_ROWS} 个组织` })
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
  const { good, problems } = checkEntries(ctx, unique)
  for (const { index: i, id, issue } of problems) {
    const index = rowOf[i] as number
    errors.push({ row: index + 1, id, field: issue.path.slice(1).join('.'), message: formatDirectoryIssue({ ...issue, params: { ...issue.params, index, ...(id ? { id } : {}) } }) })
  }
  // Placement, once per chain: a row is accepted when it is ours to change and its parent is in
  // the subtree, stored or accepted earlier in this walk (parents may come later in the file).
  const scope = reviewerScope(ctx, reviewer)
  const stored = ctx.directory().byId
  const byId = new Map([...good].map(([i, o]) => [o.id, { org: o, row: rowOf[i] as number }]))
  const placed = new Map<string, boolean>()
  const place = (start: string): boolean => {
    const path: UnionOrg[] = []
    let cursor: string | undefined = start
    let ok = false
    for (;;) {
      const known = cursor === undefined ? false : placed.get(cursor)
      if (known !== undefined) {
        ok = known
        break
      }
      const entry = byId.get(cursor as string)
      if (!entry) {
        ok = scope.has(cursor as string) // a stored organisation the file does not change
        break
      }
      const existing = stored.get(entry.org.id)
      if (existing && !scope.has(existing.id)) break
      if (checkJurisdiction(ctx, reviewer, entry.org)) break
      placed.set(entry.org.id, false) // while walking: a cycle ends here
      path.push(entry.org)
      if (existing && entry.org.parentId === existing.parentId) {
        ok = true
        break
      }
      cursor = entry.org.parentId
    }
    for (const o of path) placed.set(o.id, ok)
    return ok
  }
  const accepted: UnionOrg[] = []
  for (const [id, { org, row }] of byId) {
    if (place(id)) {
      accepted.push(org)
      continue
    }
    const outside = checkJurisdiction(ctx, reviewer, org)
    errors.push({ row: row + 1, id, field: outside ? outside.param : 'parentId', message: `第 ${row + 1} 条（${id}）：${outside ? outside.message : '上级工会不在本级工会管辖范围内，或该组织不归本级管理'}` })
  }
  errors.sort((a, b) => a.row - b.row)
  const created = accepted.filter((o) => !stored.has(o.id)).length
  await store(ctx, reviewer, accepted, 'org_import')
  return { object: 'directory_import', received: list.length, imported: accepted.length, created, updated: accepted.length - created, errors }
}
