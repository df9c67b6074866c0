/**
 * The organisation directory data model (DOMAIN.md §7.5): which union bodies exist,
 * where they are, whom they cover, and whether they take members online.
 */

export { ORG_LEVELS, ORG_STATUSES, ORG_TYPES } from '../enums'
export type { OrgLevel, OrgStatus, OrgType } from '../enums'
import type { OrgLevel, OrgStatus, OrgType } from '../enums'

export interface OrgCoverage {
  /** Region codes this body covers: '32' Jiangsu, '3201' Nanjing, '320115' 江宁区; 9- and 12-digit codes too. */
  regionPrefixes: string[]
  /** Platforms whose drivers it serves. */
  platformIds?: string[]
  /** Logistics parks it serves. */
  parkIds?: string[]
  /** For an enterprise union: the employer's credit code(s). */
  employerUsccs?: string[]
}

export interface DuesPolicy {
  mode: 'none' | 'fixed' | 'percent_of_declared_income'
  amountFen?: number
  rateBp?: number
}

export interface UnionOrg {
  /** Stable directory id, `org_…`. */
  id: string
  name: string
  type: OrgType
  level: OrgLevel
  /** Can hold membership (基层工会 / 联合基层工会). */
  isGrassroots: boolean
  /** Unified social credit code (a grassroots union's starts 81). */
  uscc?: string
  /** 6-digit code of its seat. */
  regionCode: string
  /** 9-digit township code, for township / devzone / village unions. */
  townshipCode?: string
  /** 12-digit village code, for village unions. */
  villageCode?: string
  coverage: OrgCoverage
  /** The head enterprise a federation relies on (依托企业), by credit code. */
  reliesOnEnterpriseUscc?: string
  /**
   * An enterprise union that also takes the drivers whose trucks are registered under its company (挂靠).
   * Without it, those drivers are matched like self-employed platform drivers.
   */
  takesAffiliatedDrivers?: boolean
  /** How a driver reaches the union: shown with the result and when a union must be assigned. */
  contact?: OrgContact
  /**
   * When the registry first listed it (ISO time; set by the registry, never taken from whoever edits the entry).
   * In a tie the longer-standing union ranks first, so a new entry cannot push an existing one down by
   * choosing an id that sorts first. Entries without it (a seeded file) count as the oldest.
   */
  registeredAt?: string
  /** Upper-level union (上级工会). */
  parentId?: string
  acceptsOnline: boolean
  status: OrgStatus
  duesPolicy?: DuesPolicy
  /** 'YYYY-MM-DD' */
  validFrom?: string
  /** 'YYYY-MM-DD' */
  validTo?: string
}

export interface OrgContact {
  /** A phone number as people dial it: '025-12345678'. */
  phone?: string
  address?: string
  /** Office hours in words: '工作日 9:00–17:00'. */
  hours?: string
}

/** A logistics park (物流园区) where drivers load and unload: the park tier matches by it. */
export interface LogisticsPark {
  /** e.g. 'PARK-NJ-01' (what park unions list in `coverage.parkIds`). */
  id: string
  name: string
  /** The 6-digit county code it lies in. */
  county: string
}

/** The JSON file a directory travels in (the sample directory and integrators' own). */
export interface DirectoryFile {
  format: 'ruhui-directory'
  version: 1
  /** True for sample data: not a statement about real organisations. */
  sample?: boolean
  notice?: string
  /** Platforms the file refers to (informational). */
  platforms?: Array<{ id: string; name: string; uscc?: string }>
  /** The logistics parks drivers may name as where they mostly load or unload. */
  parks?: LogisticsPark[]
  organisations: UnionOrg[]
}
