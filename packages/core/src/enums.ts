/**
 * Every closed set of values the project speaks of, defined once. The contract, matching, the
 * identity checks and the console import them from here; their words (zh-CN, en) are in
 * `messages/enum-labels`.
 */

/** Organisation forms named in the notice's attachment (三（三）) plus the employer's own union and local federations. */
export const ORG_TYPES = [
  'freight_federation', // 道路货运行业工会联合会, often relying on a head enterprise (依托头部企业)
  'freight_committee', // 货运行业工会委员会 / 联合工会
  'platform_union', // 平台企业工会 (HQ and branch unions)
  'park_union', // 物流园区工会
  'new_form_federation', // 新就业形态/新业态 行业工会联合会
  'enterprise_union', // the employer's grassroots union
  'township_union', // 乡镇(街道)工会 — territorial fallback
  'devzone_union', // 开发区(工业园区)工会 — territorial fallback
  'village_union', // 村(社区)工会 — territorial fallback
  'local_federation', // 地方总工会 (county/city/province): assigns, approves; not a joining target
] as const
export type OrgType = (typeof ORG_TYPES)[number]

export const ORG_LEVELS = ['national', 'province', 'prefecture', 'county', 'township', 'village', 'unit'] as const
export type OrgLevel = (typeof ORG_LEVELS)[number]

export const ORG_STATUSES = ['active', 'suspended', 'dissolved'] as const
export type OrgStatus = (typeof ORG_STATUSES)[number]

/** Matching tiers between the existing-membership pre-check and assignment, in DOMAIN.md's default order. */
export const TIER_IDS = [
  'enterprise', // 1: the employer's union (membership follows the labour relation)
  'head_enterprise_federation', // 2: a freight federation relying on the driver's platform
  'industry', // 3: freight federations / committees / new-form federations covering the base
  'platform', // 4: the platform's union for the region (branch before HQ)
  'park', // 5: the logistics park the driver works from, else a park union covering the base
  'territorial', // 6: township / development-zone / village union (兜底)
] as const
export type TierId = (typeof TIER_IDS)[number]

export const MATCH_STATUSES = ['matched', 'manual_review', 'transfer_required', 'already_member', 'needs_assignment', 'not_in_pilot', 'ineligible'] as const
export type MatchStatus = (typeof MATCH_STATUSES)[number]

export const EMPLOYMENT_FORMS = [
  'employee', // labour contract with a transport/logistics company
  'platform_self_employed', // takes orders through platforms, owns or leases one truck
  'owner_operator_employer', // runs a fleet / employs drivers: unions represent workers, so manual review
  'affiliated', // 挂靠: the truck is registered under a transport company, the driver runs it on his own account
  'other',
] as const
export type EmploymentForm = (typeof EMPLOYMENT_FORMS)[number]

/** Identity documents (DOMAIN.md §2): the resident ID card, HK/Macao/Taiwan residence permits, the foreigner's permanent-residence card. */
export const DOCUMENT_KINDS = ['resident', 'hk', 'mo', 'tw', 'foreign_permanent'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const APPLICATION_STATUSES = ['submitted', 'under_review', 'needs_info', 'approved', 'rejected', 'withdrawn', 'awaiting_assignment'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]

export const MEMBERSHIP_STATUSES = ['active', 'transferring', 'retained', 'withdrawn', 'expelled'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

export const SESSION_STATUSES = ['open', 'completed', 'expired'] as const
export type SessionStatus = (typeof SESSION_STATUSES)[number]

export const TRANSFER_STATUSES = ['requested', 'released', 'completed', 'rejected'] as const
export type TransferStatus = (typeof TRANSFER_STATUSES)[number]
export const TRANSFER_REASONS = ['job_change', 'platform_change', 'relocation', 'org_dissolved', 'other'] as const
export type TransferReason = (typeof TRANSFER_REASONS)[number]

/** Separate consents (PIPL Art. 29 and Art. 23) and the optional sharing with transport departments and associations. */
export const CONSENT_KINDS = ['sensitive_personal_info', 'share_with_union', 'share_with_partners', 'share_membership_with_platform'] as const
export type ConsentKind = (typeof CONSENT_KINDS)[number]
/** The consents a driver may withdraw at any time without leaving the union. */
export const WITHDRAWABLE_CONSENT_KINDS = ['share_with_partners', 'share_membership_with_platform'] as const
export type WithdrawableConsentKind = (typeof WITHDRAWABLE_CONSENT_KINDS)[number]
/** Every published text a driver agrees to: the consents and the charter declaration. */
export const CONSENT_TEXT_KINDS = [...CONSENT_KINDS, 'charter'] as const
export type ConsentTextKind = (typeof CONSENT_TEXT_KINDS)[number]

export const VERIFICATION_METHODS = ['platform_realname', 'face_match'] as const
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number]

export const VOLUNTEER_ROLES = ['activist', 'volunteer'] as const
export type VolunteerRole = (typeof VOLUNTEER_ROLES)[number]

export const SERVICE_KINDS = ['care_fund', 'accident_mutual_aid', 'health_check', 'legal_aid', 'female_driver_care', 'driver_home', 'hardship_relief', 'welcome_pack'] as const
export type ServiceKind = (typeof SERVICE_KINDS)[number]

export const REGION_LEVELS = ['province', 'prefecture', 'county', 'township'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

/** What a reviewer may ask a driver to correct or add (要求补充材料), issue #16: fields of the application. */
export const INFO_FIELDS = ['name', 'mobile', 'employment_form', 'employer_uscc', 'plate', 'trailer_plate', 'license_class', 'base_region'] as const
export type InfoField = (typeof INFO_FIELDS)[number]

/** Photos a reviewer may ask for, and the purpose an upload names (issue #16). Never the ID card itself (DOMAIN.md §6.2). */
export const UPLOAD_PURPOSES = ['driving_licence_photo', 'vehicle_licence_photo', 'qualification_certificate_photo', 'employment_proof_photo', 'other_photo'] as const
export type UploadPurpose = (typeof UPLOAD_PURPOSES)[number]

/** Why a member leaves (退会自由), given by the driver. */
export const LEAVE_REASONS = ['no_longer_driving', 'retired', 'personal', 'other'] as const
export type LeaveReason = (typeof LEAVE_REASONS)[number]

/** A driver's request to leave: pending until the union confirms (or declines it, or the driver cancels). */
export const LEAVE_REQUEST_STATUSES = ['pending', 'confirmed', 'declined', 'cancelled'] as const
export type LeaveRequestStatus = (typeof LEAVE_REQUEST_STATUSES)[number]

/** What happened to a membership, for the member's own history (我的会籍). */
export const MEMBERSHIP_EVENT_KINDS = ['joined', 'transfer_requested', 'transferred', 'transfer_refused', 'retained', 'restored', 'leave_requested', 'leave_cancelled', 'leave_declined', 'left', 'expelled', 'card_issued', 'card_revoked', 'profile_updated'] as const
export type MembershipEventKind = (typeof MEMBERSHIP_EVENT_KINDS)[number]

/** A member card checked at a service point (司机之家) or by an insurer. */
export const CARD_CHECK_RESULTS = ['valid', 'revoked', 'unknown'] as const
export type CardCheckResult = (typeof CARD_CHECK_RESULTS)[number]

/** What a join session opens: the join flow, or the member centre (我的会籍) for a driver who is already a member. */
export const SESSION_MODES = ['join', 'member_centre'] as const
export type SessionMode = (typeof SESSION_MODES)[number]

export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]
