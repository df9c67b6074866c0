/**
 * `checkDirectory` validates a directory at the boundary (which entry, which field);
 * `createDirectory` builds its indexes once, for `matchUnion`.
 */
import { unwrapCheck } from '../errors'
import { type Check, type Issue, fail, issue, ok, prefixIssues } from '../issues'
import { checkUscc } from '../identity/uscc'
import { type DirectoryIndex, buildIndex } from './directory-index'
import type { DirectoryFile, LogisticsPark, UnionOrg } from './org'
import { orgSchema, parkSchema } from './org-schema'
import { fromZodIssue } from '../zod-issues'

export interface Directory {
  readonly orgs: readonly UnionOrg[]
  readonly byId: ReadonlyMap<string, UnionOrg>
  /** 2-digit province codes the directory has organisations in. */
  readonly provinces: readonly string[]
  /** True when loaded from a file marked as sample data. */
  readonly sample: boolean
  /** The logistics parks the file lists (a driver may name one; the park tier matches by it). */
  readonly parks: readonly LogisticsPark[]
  /** @internal */
  readonly index: DirectoryIndex
}

const TERRITORIAL = new Set(['township_union', 'devzone_union', 'village_union'])
const MAX_ISSUES = 200

/** Validate a directory: an array of organisations or a `DirectoryFile`. Never throws. */
export function checkDirectory(input: unknown): Check<Directory> {
  let list: unknown = input
  let sample = false
  let parksInput: unknown = []
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    const file = input as Partial<DirectoryFile>
    if (file.format !== 'ruhui-directory') return fail([issue('invalid_directory_format', { expected: 'ruhui-directory' }, ['format'])])
    if (file.version !== 1) return fail([issue('unsupported_directory_version', { supported: 1 }, ['version'])])
    list = file.organisations
    sample = file.sample === true
    parksInput = file.parks ?? []
  }
  if (!Array.isArray(list)) return fail([issue('invalid_type', { expected: 'array' }, ['organisations'])])

  const issues: Issue[] = []
  const warnings: Issue[] = []
  const orgs: UnionOrg[] = []
  const indexes: number[] = [] // each valid organisation's position in the input, for issue paths
  const byId = new Map<string, UnionOrg>()
  for (let index = 0; index < list.length && issues.length < MAX_ISSUES; index++) {
    const raw: unknown = list[index]
    // Fast path first; re-parse with the input reported only to explain a failure.
    const parsed = orgSchema.safeParse(raw)
    if (!parsed.success) {
      const at = atOf(raw, index)
      const explained = orgSchema.safeParse(raw, { reportInput: true })
      for (const z of explained.error?.issues ?? parsed.error.issues) issues.push(fromZodIssue(z, [index], at))
      continue
    }
    const org = parsed.data as UnionOrg
    const before = issues.length
    checkOrg(org, index, issues, warnings)
    if (byId.has(org.id)) issues.push(issue('duplicate_org_id', atOf(org, index), [index, 'id']))
    if (issues.length === before) {
      byId.set(org.id, org)
      orgs.push(org)
      indexes.push(index)
    }
  }
  checkParents(orgs, indexes, byId, issues)
  const parks = checkParks(parksInput, issues)
  if (issues.length > 0) return fail(issues.slice(0, MAX_ISSUES), warnings)

  return ok({ orgs, byId, provinces: provincesOf(orgs), sample, parks, index: buildIndex(orgs) }, warnings)
}

export interface CreateDirectoryOptions {
  /**
   * The entries already passed `checkDirectory` (e.g. rows the registry validated on import
   * and stored): skip validation and only build the indexes. Ids must still be unique.
   */
  trusted?: boolean
  /** Parks kept apart from the organisations (the registry stores them beside its rows). */
  parks?: readonly LogisticsPark[]
}

/** Build a directory's indexes once; throws `ValidationError` naming each bad entry and field. */
export function createDirectory(input: readonly UnionOrg[] | DirectoryFile, options: CreateDirectoryOptions = {}): Directory {
  if (options.trusted !== true) return unwrapCheck(checkDirectory(input))
  const orgs = Array.isArray(input) ? (input as readonly UnionOrg[]) : (input as DirectoryFile).organisations
  const byId = new Map<string, UnionOrg>()
  orgs.forEach((org, index) => {
    if (byId.has(org.id)) unwrapCheck(fail([issue('duplicate_org_id', { index, id: org.id }, [index, 'id'])]))
    byId.set(org.id, org)
  })
  const sample = !Array.isArray(input) && (input as DirectoryFile).sample === true
  const parks = options.parks ?? (Array.isArray(input) ? [] : ((input as DirectoryFile).parks ?? []))
  return { orgs, byId, provinces: provincesOf(orgs), sample, parks, index: buildIndex(orgs) }
}

function checkParks(input: unknown, issues: Issue[]): LogisticsPark[] {
  if (!Array.isArray(input)) {
    issues.push(issue('invalid_type', { expected: 'array' }, ['parks']))
    return []
  }
  const parks: LogisticsPark[] = []
  const seen = new Set<string>()
  input.forEach((raw, index) => {
    const parsed = parkSchema.safeParse(raw, { reportInput: true })
    if (!parsed.success) for (const z of parsed.error.issues) issues.push(fromZodIssue(z, ['parks', index]))
    else if (seen.has(parsed.data.id)) issues.push(issue('duplicate_park_id', { id: parsed.data.id }, ['parks', index, 'id']))
    else (seen.add(parsed.data.id), parks.push(parsed.data))
  })
  return parks
}

function provincesOf(orgs: readonly UnionOrg[]): string[] {
  const provinceSet = new Set<string>()
  for (const o of orgs) {
    provinceSet.add(o.regionCode.slice(0, 2))
    for (const p of o.coverage.regionPrefixes) provinceSet.add(p.slice(0, 2))
  }
  return [...provinceSet].sort()
}

type At = { index: number; id: string }

function atOf(raw: unknown, index: number): At {
  const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : ''
  return { index, id }
}

function usccIssues(value: string | undefined, path: (string | number)[], org: UnionOrg, index: number, issues: Issue[]) {
  if (value === undefined) return undefined
  const r = checkUscc(value)
  if (r.ok) return r.value
  const at = atOf(org, index)
  for (const i of prefixIssues(path, r.issues)) issues.push({ ...i, params: { ...at, ...i.params } })
  return undefined
}

function checkOrg(org: UnionOrg, index: number, issues: Issue[], warnings: Issue[]): void {
  const own = usccIssues(org.uscc, [index, 'uscc'], org, index, issues)
  if (own && org.isGrassroots && own.authority !== 'trade_union') warnings.push(issue('grassroots_uscc_not_union', atOf(org, index), [index, 'uscc']))
  usccIssues(org.reliesOnEnterpriseUscc, [index, 'reliesOnEnterpriseUscc'], org, index, issues)
  const employers = org.coverage.employerUsccs
  if (employers !== undefined) for (let i = 0; i < employers.length; i++) usccIssues(employers[i], [index, 'coverage', 'employerUsccs', i], org, index, issues)

  const problem = (code: string, path: (string | number)[], params?: Record<string, string>) => issues.push(issue(code, { ...atOf(org, index), ...params }, [index, ...path]))
  if (org.type !== 'local_federation' && org.coverage.regionPrefixes.length === 0) problem('required', ['coverage', 'regionPrefixes'])
  if (TERRITORIAL.has(org.type) && org.townshipCode === undefined) problem('required', ['townshipCode'])
  if (org.type === 'village_union' && org.villageCode === undefined) problem('required', ['villageCode'])
  if (org.townshipCode !== undefined && !org.townshipCode.startsWith(org.regionCode)) problem('code_mismatch', ['townshipCode'], { parent: org.regionCode })
  if (org.villageCode !== undefined && org.townshipCode !== undefined && !org.villageCode.startsWith(org.townshipCode)) problem('code_mismatch', ['villageCode'], { parent: org.townshipCode })
  if (org.type === 'enterprise_union' && (employers ?? []).length === 0) problem('required', ['coverage', 'employerUsccs'])
  if (org.type === 'platform_union' && (org.coverage.platformIds ?? []).length === 0) problem('required', ['coverage', 'platformIds'])
  if (org.validFrom !== undefined && org.validTo !== undefined && org.validFrom > org.validTo) problem('invalid_validity_range', ['validTo'])
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
