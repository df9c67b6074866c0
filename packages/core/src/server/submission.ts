/**
 * From a submission on the wire to what the rules need: the applicant profile for
 * checkDriverIdentity, the `param` that names a failing field, and the driver's facts for
 * matchUnion. The registry and the sandbox both use these, so they cannot drift apart.
 */
import type { ApplicationSubmit } from '../contract/applications'
import type { MatchRequest } from '../contract/organisations'
import type { DriverIdentity, DriverProfileInput } from '../identity/driver-identity'
import type { Issue } from '../issues'
import type { MatchInput, MembershipStatus } from '../matching/match-input'

/** The applicant fields as checkDriverIdentity takes them. */
export function applicantProfile(a: ApplicationSubmit['applicant']): DriverProfileInput {
  return { name: a.name, idNumber: a.id_number, mobile: a.mobile, employmentForm: a.employment_form, employerUscc: a.employer_uscc, plate: a.plate, trailerPlate: a.trailer_plate, licenseClass: a.license_class }
}

const WIRE_FIELDS: Record<string, string> = { idNumber: 'id_number', employmentForm: 'employment_form', employerUscc: 'employer_uscc', trailerPlate: 'trailer_plate', licenseClass: 'license_class' }

/** The wire `param` for an identity issue: ['idNumber'] → 'applicant.id_number'. */
export function applicantParam(issue: Issue): string {
  const field = String(issue.path[0] ?? '')
  return `applicant.${WIRE_FIELDS[field] ?? field}`
}

/** The platform a join token belongs to, as the server knows it: never taken from what the driver's app sends. */
export interface CallerPlatform {
  id: string
  /** The platform enterprise's credit code, registered with the platform (tier 2: federations built on head enterprises). */
  uscc?: string | null | undefined
}

/** The platform's part of a match input. */
export function platformMatchInput(platform: CallerPlatform): Pick<MatchInput, 'platformId' | 'platformUscc'> {
  return { platformId: platform.id, ...(platform.uscc ? { platformUscc: platform.uscc } : {}) }
}

/** The driver's facts for matchUnion, from a checked identity, the submission and the caller's platform. */
export function submissionMatchInput(body: ApplicationSubmit, identity: DriverIdentity, platform: CallerPlatform, membership?: { orgId: string; status: MembershipStatus }): MatchInput {
  const input: MatchInput = { employmentForm: identity.employmentForm, baseRegion: body.base_region, age: identity.idCard.age, documentKind: identity.idCard.kind, ...platformMatchInput(platform) }
  if (body.applicant.employer_uscc) input.employerUscc = body.applicant.employer_uscc
  if (body.home_park_id) input.homeParkId = body.home_park_id
  if (membership && membership.status !== 'withdrawn') input.existingMembership = membership
  return input
}

/** The driver's facts for matchUnion from `POST /v1/organisations/match` and the caller's platform (the body carries none). */
export function matchRequestInput(b: MatchRequest, platform: CallerPlatform): MatchInput {
  return {
    employmentForm: b.employment_form,
    baseRegion: b.base_region,
    ...platformMatchInput(platform),
    ...(b.employer_uscc ? { employerUscc: b.employer_uscc } : {}),
    ...(b.home_park_id ? { homeParkId: b.home_park_id } : {}),
    ...(b.age !== undefined ? { age: b.age } : {}),
    ...(b.document_kind ? { documentKind: b.document_kind } : {}),
  }
}
