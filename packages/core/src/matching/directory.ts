/**
 * `checkDirectory` validates a directory at the boundary (which entry, which field);
 * `createDirectory` builds its indexes once, for `matchUnion`.
 */
import { unwrapCheck } from '../errors'
import { type Check, type Issue, fail, issue, ok, prefixIssues } from '../issues'
import { checkUscc } from '../identity/uscc'
import { type DirectoryIndex, buildIndex } from './directory-index'
import type { DirectoryFile, UnionOrg } from './org'
import { orgSchema } from './org-schema'
import { fromZodIssue } from './zod-issues'

export interface Directory {
  readonly orgs: readonly UnionOrg[]
  readonly byId: ReadonlyMap<string, UnionOrg>
  /** 2-digit province codes the directory has organisations in. */
  readonly provinces: readonly string[]
  /** True when loaded from a file marked as sample data. */
  readonly sample: boolean
  /** @internal */
  readonly index: DirectoryIndex
}

const TERRITORIAL = new Set(['township_union', 'devzone_union', 'village_union'])
const MAX_ISSUES = 200

/** Validate a directory: an array of organisations or a `DirectoryFile`. Never throws. */
export function checkDirectory(input: unknown): Check<Directory> {
  let list: unknown = input
  let sample = false
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const file = input as Partial<DirectoryFile>
    if (file.format !== 'ruhui-directory') return fail([issue('invalid_directory_format', { expected: 'ruhui-directory' }, ['format'])])
    if (file.version !== 1) return fail([issue('unsupported_directory_version', { supported: 1 }, ['version'])])
    list = file.organisations
    sample = file.sample === true
  }
  if (!Array.isArray(list)) return fail([issue('invalid_type', { expected: 'array' }, ['organisations'])])

  const issues: Issue[] = []
  const warnings: Issue[] = []
  const orgs: UnionOrg[] = []
  const indexes: number[] = [] // each valid organisation's position in the input, for issue paths
  const byId = new Map<string, UnionOrg>()
  list.forEach((raw, index) => {
    if (issues.length >= MAX_ISSUES) return
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : ''
    const at = { index, id }
    const parsed = orgSchema.safeParse(raw, { reportInput: true })
    if (!parsed.success) {
      for (const z of parsed.error.issues) issues.push(fromZodIssue(z, [index], at))
      return
    }
    const org = parsed.data as UnionOrg
    const before = issues.length
    checkOrg(org, index, at, issues, warnings)
    if (byId.has(org.id)) issues.push(issue('duplicate_org_id', at, [index, 'id']))
    if (issues.length === before) {
      byId.set(org.id, org)
      orgs.push(org)
      indexes.push(index)
    }
  })
  checkParents(orgs, indexes, byId, issues)
  if (issues.length > 0) return fail(issues.slice(0, MAX_ISSUES), warnings)

  const provinces = [...new Set(orgs.flatMap((o) => [o.regionCode.slice(0, 2), ...o.coverage.regionPrefixes.map((p) => p.slice(0, 2))]))].sort()
  return ok({ orgs, byId, provinces, sample, index: buildIndex(orgs) }, warnings)
}

/** Build a directory's indexes once; throws `ValidationError` naming each bad entry and field. */
export function createDirectory(input: readonly UnionOrg[] | DirectoryFile): Directory {
  return unwrapCheck(checkDirectory(input))
}

type At = { index: number; id: string }

function checkOrg(org: UnionOrg, index: number, at: At, issues: Issue[], warnings: Issue[]): void {
  const usccField = (field: string, value: string | undefined, path: (string | number)[] = [index, field]) => {
    if (value === undefined) return undefined
    const r = checkUscc(value)
    if (!r.ok) issues.push(...prefixIssues(path, r.issues).map((i) => ({ ...i, params: { ...at, ...i.params } })))
    return r.ok ? r.value : undefined
  }
  const own = usccField('uscc', org.uscc)
  if (own && org.isGrassroots && own.authority !== 'trade_union') warnings.push(issue('grassroots_uscc_not_union', at, [index, 'uscc']))
  usccField('reliesOnEnterpriseUscc', org.reliesOnEnterpriseUscc)
  ;(org.coverage.employerUsccs ?? []).forEach((u, i) => usccField('employerUsccs', u, [index, 'coverage', 'employerUsccs', i]))

  if (org.type !== 'local_federation' && org.coverage.regionPrefixes.length === 0) {
    issues.push(issue('required', at, [index, 'coverage', 'regionPrefixes']))
  }
  if (TERRITORIAL.has(org.type) && org.townshipCode === undefined) issues.push(issue('required', at, [index, 'townshipCode']))
  if (org.type === 'village_union' && org.villageCode === undefined) issues.push(issue('required', at, [index, 'villageCode']))
  if (org.townshipCode !== undefined && !org.townshipCode.startsWith(org.regionCode)) {
    issues.push(issue('code_mismatch', { ...at, parent: org.regionCode }, [index, 'townshipCode']))
  }
  if (org.villageCode !== undefined && org.townshipCode !== undefined && !org.villageCode.startsWith(org.townshipCode)) {
    issues.push(issue('code_mismatch', { ...at, parent: org.townshipCode }, [index, 'villageCode']))
  }
  if (org.type === 'enterprise_union' && (org.coverage.employerUsccs ?? []).length === 0) {
    issues.push(issue('required', at, [index, 'coverage', 'employerUsccs']))
  }
  if (org.type === 'platform_union' && (org.coverage.platformIds ?? []).length === 0) {
    issues.push(issue('required', at, [index, 'coverage', 'platformIds']))
  }
  if (org.validFrom !== undefined && org.validTo !== undefined && org.validFrom > org.validTo) {
    issues.push(issue('invalid_validity_range', at, [index, 'validTo']))
  }
}

function checkParents(orgs: UnionOrg[], indexes: number[], byId: Map<string, UnionOrg>, issues: Issue[]): void {
  orgs.forEach((org, i) => {
    const index = indexes[i] as number
    if (org.parentId === undefined) return
    if (!byId.has(org.parentId)) {
      issues.push(issue('unknown_parent', { index, id: org.id, parentId: org.parentId }, [index, 'parentId']))
      return
    }
    // Walk up: a chain longer than the directory is a cycle.
    let cursor: UnionOrg | undefined = org
    for (let steps = 0; cursor?.parentId !== undefined; steps++) {
      if (steps > orgs.length || cursor.parentId === org.id) {
        issues.push(issue('parent_cycle', { index, id: org.id }, [index, 'parentId']))
        return
      }
      cursor = byId.get(cursor.parentId)
    }
  })
}
