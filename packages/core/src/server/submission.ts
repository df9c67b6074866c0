/**
 * From a submission on the wire to what the rules need: the applicant profile for
 * checkDriverIdentity, the `param` that names a failing field, and the driver's facts for
 * matchUnion. The registry and the sandbox both use these, so they cannot drift apart.
 */
import type { ApplicationSubmit } from '../contract/applications'
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

/** The driver's facts for matchUnion, from a checked identity and the submission. */
export function submissionMatchInput(body: ApplicationSubmit, identity: DriverIdentity, membership?: { orgId: string; status: MembershipStatus }): MatchInput {
  const input: MatchInput = { employmentForm: identity.employmentForm, baseRegion: body.base_region, age: identity.idCard.age, documentKind: identity.idCard.kind }
  if (body.applicant.employer_uscc) input.employerUscc = body.applicant.employer_uscc
  if (body.home_park_id) input.homeParkId = body.home_park_id
  if (membership && membership.status !== 'withdrawn') input.existingMembership = membership
  return input
}
