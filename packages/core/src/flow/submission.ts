/** What the flow sends: the match request from the identity step, and the application from the whole draft. */
import type { ApplicationSubmit } from '../contract/applications'
import { toChinaTime } from '../contract/common'
import type { MatchRequest } from '../contract/organisations'
import type { DriverIdentity } from '../identity/driver-identity'
import type { EmploymentForm } from '../identity/eligibility'
import type { ConsentKind } from '../enums'
import type { ConsentGrant, FieldName, FlowState } from './types'

const baseRegion = (f: Record<FieldName, string>) => ({ county: f.county, ...(f.township ? { township: f.township } : {}) })

export function matchRequest(f: Record<FieldName, string>, identity: DriverIdentity): MatchRequest {
  return {
    employment_form: f.employmentForm as EmploymentForm,
    base_region: baseRegion(f),
    ...(f.employerUscc ? { employer_uscc: f.employerUscc } : {}),
    ...(f.homeParkId ? { home_park_id: f.homeParkId } : {}),
    age: identity.idCard.age,
    document_kind: identity.idCard.kind,
  }
}

/**
 * The application for the union the driver chose. Each consent and the charter carry the version and hash of the
 * text the driver agreed to and when they agreed (their own tap), not the time of sending; the optional consents
 * (switched on beside the provision to the union) carry that tap's time.
 */
export function buildSubmission(s: FlowState, now: number): ApplicationSubmit {
  const f = s.fields
  const c = s.consent
  const at = (g: ConsentGrant | null) => g?.at ?? toChinaTime(now)
  const record = (kind: ConsentKind, g: ConsentGrant | null) => ({ kind, text_version: g?.version ?? s.texts[kind].version, text_hash: g?.hash ?? s.texts[kind].hash, granted_at: at(g) })
  const optional = (kind: ConsentKind, on: boolean) => (on ? [{ kind, text_version: s.texts[kind].version, text_hash: s.texts[kind].hash, granted_at: at(c.union) }] : [])
  return {
    applicant: { name: f.name, id_number: f.idNumber, mobile: f.mobile, employment_form: f.employmentForm as EmploymentForm, ...(f.employerUscc ? { employer_uscc: f.employerUscc } : {}), ...(f.plate ? { plate: f.plate } : {}), ...(f.licenseClass ? { license_class: f.licenseClass } : {}) },
    base_region: baseRegion(f),
    ...(f.homeParkId ? { home_park_id: f.homeParkId } : {}),
    org_id: s.selectedOrgId as string,
    consents: [record('sensitive_personal_info', c.sensitive), record('share_with_union', c.union), ...optional('share_with_partners', c.shareWithPartners), ...optional('share_membership_with_platform', c.shareMembershipWithPlatform)],
    charter: { text_version: c.charter?.version ?? s.texts.charter.version, text_hash: c.charter?.hash ?? s.texts.charter.hash, accepted_at: at(c.charter) },
    ...(s.verification.mobileVerifiedAt ? { mobile_verified_at: s.verification.mobileVerifiedAt } : {}),
    ...(s.verification.faceVerifiedAt ? { identity_verification: { method: 'face_match' as const, verified_at: s.verification.faceVerifiedAt } } : {}),
  }
}
