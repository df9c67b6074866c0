/**
 * Who may join, and who needs a union reviewer to decide (DOMAIN.md §5, §7.1): one
 * place for the rule, used by checkDriverIdentity and by matching's per-province config.
 */
import { type Issue, issue } from '../issues'
import type { IdCardKind } from './id-card'

export { EMPLOYMENT_FORMS } from '../enums'
export type { EmploymentForm } from '../enums'
import type { EmploymentForm } from '../enums'

/** The forms that name a company (its credit code is asked for): the employer, or the company a truck is registered under (挂靠). */
export const FORMS_WITH_COMPANY: readonly EmploymentForm[] = ['employee', 'affiliated']

export interface Eligibility {
  /** False only for a hard bar (under the working-age floor). */
  eligible: boolean
  /** Under 18: allowed from the floor, with manual review and no optional data. */
  minor: boolean
  /** `manual` when a union reviewer must decide. */
  review: 'standard' | 'manual'
  /** Why, as issues (`age_below_working_age`, `minor_applicant`, `document_needs_review`, `employment_needs_review`). */
  reasons: Issue[]
}

export interface EligibilityRules {
  /** @default 16 */
  minAge: number
  manualReview: {
    minors: boolean
    permitHolders: boolean
    ownerOperatorEmployers: boolean
    otherEmployment: boolean
  }
}

export const DEFAULT_ELIGIBILITY_RULES: EligibilityRules = {
  minAge: 16,
  manualReview: { minors: true, permitHolders: true, ownerOperatorEmployers: true, otherEmployment: true },
}

export interface EligibilityFacts {
  /** Full years; unknown ages skip the age rules. */
  age?: number
  documentKind?: IdCardKind
  employmentForm?: EmploymentForm
}

export function deriveEligibility(facts: EligibilityFacts, rules: EligibilityRules = DEFAULT_ELIGIBILITY_RULES): Eligibility {
  const reasons: Issue[] = []
  const { age } = facts
  if (age !== undefined && age < rules.minAge) {
    reasons.push(issue('age_below_working_age', { minAge: rules.minAge, age }, ['idNumber']))
    return { eligible: false, minor: true, review: 'manual', reasons }
  }
  const minor = age !== undefined && age < 18
  let manual = false
  if (minor) {
    reasons.push(issue('minor_applicant', { age: age as number }, ['idNumber']))
    manual ||= rules.manualReview.minors
  }
  if (facts.documentKind !== undefined && facts.documentKind !== 'resident' && rules.manualReview.permitHolders) {
    reasons.push(issue('document_needs_review', { kind: facts.documentKind }, ['idNumber']))
    manual = true
  }
  const form = facts.employmentForm
  if ((form === 'owner_operator_employer' && rules.manualReview.ownerOperatorEmployers) || (form === 'other' && rules.manualReview.otherEmployment)) {
    reasons.push(issue('employment_needs_review', { employmentForm: form }, ['employmentForm']))
    manual = true
  }
  return { eligible: true, minor, review: manual ? 'manual' : 'standard', reasons }
}
