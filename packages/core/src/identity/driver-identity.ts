/**
 * One check for a whole applicant profile (DOMAIN.md §5–7.1): every field's
 * issues at its path, plus the derived eligibility facts.
 */
import { type Check, type Issue, issue, prefixIssues } from '../issues'
import { type IdCard, type IdCardOptions, checkIdCard } from './id-card'
import { type License, checkLicenseClass } from './license-class'
import { type Mobile, checkMobile } from './mobile'
import { type PersonName, checkPersonName } from './person-name'
import { type Plate, checkPlate } from './plate'
import { type Uscc, checkUscc } from './uscc'
import { DEFAULT_ELIGIBILITY_RULES, EMPLOYMENT_FORMS, type Eligibility, type EmploymentForm, deriveEligibility } from './eligibility'

export type { Eligibility, EmploymentForm }


export interface DriverProfileInput {
  name?: unknown
  idNumber?: unknown
  mobile?: unknown
  employmentForm?: unknown
  /** Only when employed; optional even then. */
  employerUscc?: unknown
  /** Tractor or truck plate (optional evidence). */
  plate?: unknown
  /** The trailer's 挂 plate (optional). */
  trailerPlate?: unknown
  licenseClass?: unknown
  /** 道路运输从业资格证 number (optional: light-truck drivers need none). */
  qualificationCertificate?: unknown
}

export interface DriverIdentity {
  name: PersonName
  idCard: IdCard
  mobile: Mobile
  employmentForm: EmploymentForm
  employerUscc?: Uscc
  plate?: Plate
  trailerPlate?: Plate
  license?: License
  qualificationCertificate?: string
}

export interface DriverIdentityOptions extends Pick<IdCardOptions, 'asOf' | 'regions'> {
  /** Working-age floor (劳动法 Art. 15); @default 16 */
  minAge?: number
  /** Send HK/MO/TW permit and foreign PR holders to manual review; @default true */
  manualReviewForNonResidents?: boolean
  /** Age from which heavy classes may not be driven; @default 60 */
  heavyClassAgeCap?: number
}

export type DriverIdentityResult =
  | { ok: true; value: DriverIdentity; warnings: Issue[]; eligibility: Eligibility }
  | { ok: false; issues: Issue[]; warnings: Issue[]; eligibility?: Eligibility }

function present(v: unknown): boolean {
  return v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')
}

function field<T>(path: string, result: Check<T>, issues: Issue[], warnings: Issue[]): T | undefined {
  warnings.push(...prefixIssues([path], result.warnings))
  if (result.ok) return result.value
  issues.push(...prefixIssues([path], result.issues))
  return undefined
}

/** Check a whole applicant profile; never throws. */
export function checkDriverIdentity(profile: unknown, options: DriverIdentityOptions = {}): DriverIdentityResult {
  if (typeof profile !== 'object' || profile === null) {
    return { ok: false, issues: [issue(profile == null ? 'required' : 'invalid_type')], warnings: [] }
  }
  const p = profile as DriverProfileInput
  const issues: Issue[] = []
  const warnings: Issue[] = []

  const idCard = field('idNumber', checkIdCard(p.idNumber, options), issues, warnings)
  const name = field('name', checkPersonName(p.name, idCard ? { documentKind: idCard.kind } : {}), issues, warnings)
  const mobile = field('mobile', checkMobile(p.mobile), issues, warnings)

  let employmentForm: EmploymentForm | undefined
  if (!present(p.employmentForm)) issues.push(issue('required', undefined, ['employmentForm']))
  else if (!EMPLOYMENT_FORMS.includes(p.employmentForm as EmploymentForm)) {
    issues.push(issue('invalid_enum', { allowed: EMPLOYMENT_FORMS.join('|') }, ['employmentForm']))
  } else employmentForm = p.employmentForm as EmploymentForm

  const employerUscc = present(p.employerUscc) ? field('employerUscc', checkUscc(p.employerUscc), issues, warnings) : undefined
  const plate = present(p.plate) ? field('plate', checkPlate(p.plate), issues, warnings) : undefined
  let trailerPlate: Plate | undefined
  if (present(p.trailerPlate)) {
    trailerPlate = field('trailerPlate', checkPlate(p.trailerPlate), issues, warnings)
    if (trailerPlate && trailerPlate.kind !== 'trailer') {
      issues.push(issue('not_a_trailer_plate', undefined, ['trailerPlate']))
      trailerPlate = undefined
    }
  }
  const licenseOptions = { ...(idCard ? { age: idCard.age } : {}), ...(options.heavyClassAgeCap !== undefined ? { heavyClassAgeCap: options.heavyClassAgeCap } : {}) }
  const license = present(p.licenseClass) ? field('licenseClass', checkLicenseClass(p.licenseClass, licenseOptions), issues, warnings) : undefined

  let qualificationCertificate: string | undefined
  if (present(p.qualificationCertificate)) {
    qualificationCertificate = checkQualificationCertificate(p.qualificationCertificate, idCard, issues, warnings)
  }

  const eligibility = idCard
    ? deriveEligibility(
        { age: idCard.age, documentKind: idCard.kind, ...(employmentForm ? { employmentForm } : {}) },
        {
          minAge: options.minAge ?? DEFAULT_ELIGIBILITY_RULES.minAge,
          manualReview: { ...DEFAULT_ELIGIBILITY_RULES.manualReview, permitHolders: options.manualReviewForNonResidents !== false },
        },
      )
    : undefined
  if (eligibility && !eligibility.eligible) issues.push(...eligibility.reasons.filter((r) => r.code === 'age_below_working_age'))
  for (const r of eligibility?.reasons ?? []) if (r.code !== 'age_below_working_age') warnings.push(r)

  if (issues.length > 0 || !idCard || !name || !mobile || !employmentForm || !eligibility) {
    return eligibility ? { ok: false, issues, warnings, eligibility } : { ok: false, issues, warnings }
  }
  const value: DriverIdentity = { name, idCard, mobile, employmentForm }
  if (employerUscc) value.employerUscc = employerUscc
  if (plate) value.plate = plate
  if (trailerPlate) value.trailerPlate = trailerPlate
  if (license) value.license = license
  if (qualificationCertificate !== undefined) value.qualificationCertificate = qualificationCertificate
  return { ok: true, value, warnings, eligibility }
}

// DOMAIN.md §3.3: either the holder's own ID number (current IC cards) or an older
// 17–19 digit number. Never blocks; only warns.
function checkQualificationCertificate(input: unknown, idCard: IdCard | undefined, issues: Issue[], warnings: Issue[]): string | undefined {
  if (typeof input !== 'string' || input.length > 64) {
    issues.push(issue(typeof input !== 'string' ? 'invalid_type' : 'too_long', undefined, ['qualificationCertificate']))
    return undefined
  }
  const asId = checkIdCard(input)
  if (asId.ok) {
    if (idCard && asId.value.number !== idCard.number) warnings.push(issue('qualification_certificate_mismatch', undefined, ['qualificationCertificate']))
    return asId.value.number
  }
  const digits = input.normalize('NFKC').replace(/[\s-]/gu, '')
  if (!/^\d{17,19}$/.test(digits)) warnings.push(issue('qualification_certificate_format_unknown', undefined, ['qualificationCertificate']))
  return digits
}
