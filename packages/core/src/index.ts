/**
 * `@ruhui/core` — the framework-neutral core of ruhui (货车司机网上入会).
 * This file is the API list: every public name is listed here.
 * Region names live behind `@ruhui/core/regions` (a large table, kept out of this entry).
 */

// Results, issues and errors
export type { Check, Issue, IssuePath } from './issues'
export { prefixIssues } from './issues'
export { SdkError, ValidationError, isSdkError, isValidationError } from './errors'
export type { SdkErrorOptions } from './errors'

// Messages
export { formatIssue, getMessages } from './messages/format'
export { zhCN } from './messages/zh-CN'
export { en } from './messages/en'
export type { Locale, Messages, IssueMessage } from './messages/types'

// Enums, defined once, and their words (zh-CN, en); EMPLOYMENT_FORMS is exported with eligibility below
export { ORG_TYPES, ORG_LEVELS, ORG_STATUSES, TIER_IDS, MATCH_STATUSES, DOCUMENT_KINDS, APPLICATION_STATUSES, MEMBERSHIP_STATUSES, SESSION_STATUSES, TRANSFER_STATUSES, TRANSFER_REASONS, CONSENT_KINDS, CONSENT_TEXT_KINDS, WITHDRAWABLE_CONSENT_KINDS, VERIFICATION_METHODS, VOLUNTEER_ROLES, SERVICE_KINDS, REGION_LEVELS, LOCALES } from './enums'
export type { OrgType, OrgLevel, OrgStatus, TierId, MatchStatus, DocumentKind, ApplicationStatus, MembershipStatus, SessionStatus, TransferStatus, TransferReason, ConsentKind, ConsentTextKind, WithdrawableConsentKind, VerificationMethod, VolunteerRole, ServiceKind, RegionLevel } from './enums'
export { ENUM_VALUES, enumLabel, zhCNEnumLabels, enEnumLabels } from './messages/enum-labels'
export type { EnumKind, EnumValue, EnumLabels } from './messages/enum-labels'

// Identity checks (DOMAIN.md §1–6)
export { checkIdCard, isIdCard, assertIdCard, idCard15To18, calcIdCardCheckDigit } from './identity/id-card'
export type { IdCard, IdCardKind, IdCardOptions, RegionCodeSet, Sex } from './identity/id-card'
export { checkMobile, isMobile, assertMobile } from './identity/mobile'
export type { Mobile } from './identity/mobile'
export { checkPlate, isPlate, assertPlate } from './identity/plate'
export type { Plate, PlateKind } from './identity/plate'
export { checkUscc, isUscc, assertUscc, calcUsccCheckChar } from './identity/uscc'
export type { Uscc, UsccAuthority } from './identity/uscc'
export { checkPersonName, isPersonName, assertPersonName, normalizePersonName } from './identity/person-name'
export type { PersonName, PersonNameOptions } from './identity/person-name'
export { checkLicenseClass, isLicenseClass, assertLicenseClass } from './identity/license-class'
export type { License, LicenseClass, LicenseClassOptions, TruckCategory } from './identity/license-class'
export { checkDriverIdentity } from './identity/driver-identity'
export type { DriverIdentity, DriverIdentityOptions, DriverIdentityResult, DriverProfileInput } from './identity/driver-identity'
export { deriveEligibility, EMPLOYMENT_FORMS, FORMS_WITH_COMPANY, DEFAULT_ELIGIBILITY_RULES } from './identity/eligibility'
export type { Eligibility, EligibilityFacts, EligibilityRules, EmploymentForm } from './identity/eligibility'
export { normalizeIdentifier } from './identity/normalize'
export { ageOn, todayInChina } from './identity/calendar'
export { maskIdCard, maskMobile, maskPersonName } from './identity/mask'

// Published consent texts and the charter declaration (what a driver agrees to, and its hash)
export { PUBLISHED_TEXTS, fillConsentText, duesPolicyWords, consentTextHash, consentTextOnWire } from './consent/index'
export type { PublishedConsentText, ConsentTextValues } from './consent/index'
