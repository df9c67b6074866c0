/** What matching needs to know about a driver (DOMAIN.md §7.6), checked at the boundary. */
import { type Check, type Issue, fail, issue, ok } from '../issues'
import { EMPLOYMENT_FORMS, type EmploymentForm } from '../identity/eligibility'
import type { IdCardKind } from '../identity/id-card'

export { MEMBERSHIP_STATUSES } from '../enums'
export type { MembershipStatus } from '../enums'
import { MEMBERSHIP_STATUSES, type MembershipStatus } from '../enums'

export interface MatchInput {
  employmentForm: EmploymentForm
  /** Employer's credit code, when employed. */
  employerUscc?: string
  /** The platform the driver joins from. */
  platformId?: string
  /** That platform enterprise's credit code (for federations built on head enterprises). */
  platformUscc?: string
  /**
   * The declared residence / operating base (常驻地) — never the ID number's address code,
   * which is where the number was issued decades ago.
   */
  baseRegion: { county: string; township?: string | undefined; village?: string | undefined }
  homeParkId?: string
  /** For the age rules; from `checkIdCard`. */
  age?: number
  documentKind?: IdCardKind
  /** A membership the registry already holds for this person. */
  existingMembership?: { orgId: string; status: MembershipStatus }
}

const KINDS: readonly string[] = ['resident', 'hk', 'mo', 'tw', 'foreign_permanent']
const str = (v: unknown, max = 64): v is string => typeof v === 'string' && v.length > 0 && v.length <= max

/** Check a match input; never throws. */
export function checkMatchInput(input: unknown): Check<MatchInput> {
  if (typeof input !== 'object' || input === null) return fail([issue('invalid_type')])
  const d = input as Record<string, unknown>
  const issues: Issue[] = []
  if (!EMPLOYMENT_FORMS.includes(d.employmentForm as EmploymentForm)) issues.push(issue(d.employmentForm === undefined ? 'required' : 'invalid_enum', undefined, ['employmentForm']))
  for (const f of ['employerUscc', 'platformId', 'platformUscc', 'homeParkId'] as const) {
    if (d[f] !== undefined && !str(d[f])) issues.push(issue('invalid_format', undefined, [f]))
  }
  const base = d.baseRegion as Record<string, unknown> | undefined
  if (typeof base !== 'object' || base === null) issues.push(issue('required', undefined, ['baseRegion']))
  else {
    const county = base.county
    if (typeof county !== 'string' || !/^\d{6}$/.test(county)) issues.push(issue(county === undefined ? 'required' : 'invalid_format', undefined, ['baseRegion', 'county']))
    if (base.township !== undefined && (typeof base.township !== 'string' || !/^\d{9}$/.test(base.township) || (typeof county === 'string' && !base.township.startsWith(county)))) {
      issues.push(issue('invalid_format', undefined, ['baseRegion', 'township']))
    }
    if (base.village !== undefined && (typeof base.village !== 'string' || !/^\d{12}$/.test(base.village) || typeof base.township !== 'string' || !base.village.startsWith(base.township))) {
      issues.push(issue('invalid_format', undefined, ['baseRegion', 'village']))
    }
  }
  if (d.age !== undefined && !(typeof d.age === 'number' && Number.isInteger(d.age) && d.age >= 0 && d.age < 200)) issues.push(issue('invalid_format', undefined, ['age']))
  if (d.documentKind !== undefined && !KINDS.includes(d.documentKind as string)) issues.push(issue('invalid_enum', undefined, ['documentKind']))
  const m = d.existingMembership as Record<string, unknown> | undefined
  if (m !== undefined && (typeof m !== 'object' || m === null || !str(m.orgId) || !MEMBERSHIP_STATUSES.includes(m.status as MembershipStatus))) {
    issues.push(issue('invalid_format', undefined, ['existingMembership']))
  }
  return issues.length > 0 ? fail(issues) : ok(input as MatchInput)
}
