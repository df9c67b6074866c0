/** What the flow sends: the match request from the identity step, and the application from the whole draft. */
import type { ApplicationSubmit } from '../contract/applications'
import { toChinaTime } from '../contract/common'
import type { MatchRequest } from '../contract/organisations'
import type { DriverIdentity } from '../identity/driver-identity'
import type { EmploymentForm } from '../identity/eligibility'
import { PUBLISHED_TEXTS } from '../consent/published-texts'
import type { ConsentTexts } from './consent-texts'
import { sha256Hex } from './sha256'
import type { FieldName, FlowState } from './types'

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

/** The application for the union the driver chose; the consents carry the time the driver agreed, not the time of sending. */
export function buildSubmission(s: FlowState, texts: ConsentTexts, now: number): ApplicationSubmit {
  const f = s.fields
  const grantedAt = s.consent.grantedAt ?? toChinaTime(now)
  const consent = (kind: 'sensitive_personal_info' | 'share_with_union' | 'share_with_partners', t: { version: string; body: string }) => ({ kind, text_version: t.version, text_hash: sha256Hex(t.body), granted_at: grantedAt })
  return {
    applicant: { name: f.name, id_number: f.idNumber, mobile: f.mobile, employment_form: f.employmentForm as EmploymentForm, ...(f.employerUscc ? { employer_uscc: f.employerUscc } : {}), ...(f.plate ? { plate: f.plate } : {}), ...(f.licenseClass ? { license_class: f.licenseClass } : {}) },
    base_region: baseRegion(f),
    ...(f.homeParkId ? { home_park_id: f.homeParkId } : {}),
    org_id: s.selectedOrgId as string,
    consents: [consent('sensitive_personal_info', texts.sensitive), consent('share_with_union', texts.share), ...(s.consent.shareWithPartners && texts.partners ? [consent('share_with_partners', texts.partners)] : [])],
    charter: { text_version: PUBLISHED_TEXTS.charter.text_version, text_hash: sha256Hex(PUBLISHED_TEXTS.charter.body), accepted_at: grantedAt },
    ...(s.verification.mobileVerifiedAt ? { mobile_verified_at: s.verification.mobileVerifiedAt } : {}),
    ...(s.verification.faceVerifiedAt ? { identity_verification: { method: 'face_match' as const, verified_at: s.verification.faceVerifiedAt } } : {}),
  }
}
