/** Table types for the typed query layer (kysely), identical on SQLite and PostgreSQL. */
import type { Generated } from 'kysely'

export interface PlatformTable {
  id: string
  name: string
  /** SHA-256 of the secret key (keys are random 32 bytes: a plain hash cannot be brute-forced). */
  secret_key_hash: string
  webhook_url: string | null
  /** Encrypted at rest. */
  webhook_secret_enc: string | null
  uscc: string | null
  created_at: string
  /** Set when an admin disables the platform: its keys and join tokens are refused, its webhooks stop. */
  revoked_at: string | null
  /** JSON array of web origins (`https://app.example.com`) that may frame the hosted page and call the API from a browser (CORS). */
  allowed_origins: Generated<string>
  /** JSON array of URLs a join session may name as its `return_url` (exact match). */
  return_urls: Generated<string>
}

export interface ReviewerTable {
  id: string
  name: string
  key_hash: string
  org_id: string
  created_at: string
  /** Console sign-in (optional: API-key reviewers have none). */
  login: string | null
  /** scrypt, 'scrypt$salt$hash' (hex). */
  password_hash: string | null
  /** 'reviewer', or 'admin' (may also manage platforms and partners). Defaults to 'reviewer'. */
  role: Generated<string>
}

/** A console sign-in: the token is shown once; only its hash is kept. */
export interface ReviewerSessionTable {
  token_hash: string
  reviewer_id: string
  expires_at: string
  created_at: string
}

/** The member-services catalogue (关爱基金, 意外伤害险, 司机之家 …), managed in the console. */
export interface ServiceTable {
  id: string
  kind: string
  name: string
  summary: string
  provider_org_id: string
  /** JSON array of region-code prefixes. */
  region_prefixes: string
  members_only: number
  url: string | null
  /** JSON { lat, lng, address } or null. */
  location: string | null
  active: number
  created_at: string
  updated_at: string
}

/** Transport departments and industry associations that receive shared data (共享数据信息). */
export interface PartnerTable {
  id: string
  name: string
  kind: string
  key_hash: string
  created_at: string
  /** Set when an admin disables the partner: its key is refused. */
  revoked_at: string | null
  /** Issue #13: JSON array of region-code prefixes ('3201', '34'): the only drivers it may receive. */
  region_prefixes?: string
}

/**
 * A key or webhook secret replaced by a roll, still honoured until `expires_at` so the platform
 * (or partner) can switch without downtime. Keys are kept as hashes; webhook secrets encrypted.
 */
export interface RetiredSecretTable {
  id: Generated<number>
  /** 'secret_key' and 'webhook_secret' (a platform's), 'partner_key' (a partner's). */
  kind: string
  owner_id: string
  secret_hash: string | null
  secret_enc: string | null
  expires_at: string
  created_at: string
}

export interface OrgTable {
  id: string
  parent_id: string | null
  name: string
  type: string
  region_code: string
  /** The full UnionOrg as JSON. */
  data: string
}

export interface SessionTable {
  id: string
  platform_id: string
  platform_user_id: string
  /** 'open' | 'completed' | 'expired'; `open_key` is set only while open (one open session per platform user). */
  status: string
  open_key: string | null
  token_hash: string
  /** The current join token, encrypted: an idempotent create hands the same token back. */
  token_enc: string
  token_expires_at: string
  locale: string
  created_at: string
  application_id: string | null
  /** Encrypted { personKey, fromOrgId } after a `transfer_required` submission. */
  pending_transfer_enc: string | null
  /** When the driver, having consented, asked for a match (the funnel's second stage). */
  matched_at: string | null
  /** The hosted page's return URL (one of the platform's registered return URLs), if the platform gave one. */
  return_url: string | null
  /** Issue #13: encrypted JSON of the platform backend's prefill (with `verified`), for the reviewer's evidence and mismatch flags. */
  prefill_enc: string | null
  /** Issue #13: JSON array of the person keys submitted in this session (distinct ID numbers are capped). */
  tried_keys: string | null
}

export interface ApplicationTable {
  id: string
  session_id: string
  platform_id: string
  person_key: string
  /** person_key while the application is open: one open application per person, enforced by UNIQUE. */
  open_key: string | null
  status: string
  org_id: string | null
  org_name: string | null
  tier: string | null
  config_version: string
  status_reason: string | null
  member_card: string | null
  /** Encrypted applicant (name, ID number, mobile, …). */
  applicant_enc: string
  name_masked: string
  id_masked: string
  mobile_masked: string
  base_county: string
  base_township: string | null
  consents: string
  volunteer: number
  /** JSON array: 'activist' | 'volunteer', offered after submitting. */
  volunteer_roles: string | null
  submitted_at: string
  updated_at: string
  decided_at: string | null
  /** Issue #13: JSON { text_version, text_hash, accepted_at } of the charter declaration. */
  charter: string | null
  /** Issue #13: 1 while the optional consent is granted and not withdrawn. */
  shares_with_platform: number
  shares_with_partners: number
  /** Issue #13: JSON { possible_duplicate?, prefill_mismatch? } shown to the reviewer. */
  review_flags: string | null
  /** Issue #13: JSON of the identity evidence, each with its source ('device' | 'platform_backend'). */
  evidence: string | null
}

/** Issue #13: each published version of a consent text or the charter declaration. */
export interface ConsentTextTable {
  kind: string
  text_version: string
  text_hash: string
  title: string
  body: string
  published_at: string
  /** When a newer version of the kind was published; accepted until this plus the grace period. */
  superseded_at: string | null
}

/** Issue #13: an optional consent withdrawn by the driver, and when. */
export interface ConsentWithdrawalTable {
  id: Generated<number>
  application_id: string
  kind: string
  session_id: string
  withdrawn_at: string
}

export interface MemberTable {
  person_key: string
  org_id: string
  status: string
  join_date: string
  card_number: string
  application_id: string
  updated_at: string
  /** Issue #16: the member's own mobile once changed, encrypted { mobile, mobile_verified_at }; null: the approved application's. */
  profile_enc: Generated<string | null>
  mobile_masked: Generated<string | null>
  /** The member's home region (常驻地) once changed; null: the approved application's base region. */
  home_county: Generated<string | null>
  home_township: Generated<string | null>
}

/** Which person a platform user is (issue #16): set by each submission, read by the member centre. */
export interface PersonLinkTable {
  platform_id: string
  platform_user_id: string
  person_key: string
  linked_at: string
}

/** Every member card issued; the one in force has revoked_at null. Verify finds a QR payload by its SHA-256. */
export interface MemberCardTable {
  id: string
  person_key: string
  card_number: string
  org_id: string
  qr_payload: string
  payload_hash: string
  issued_at: string
  revoked_at: string | null
  /** 'withdrawn' | 'expelled' | 'reissued' (replaced, e.g. after a transfer). */
  revoke_reason: string | null
}

/** A reviewer's request for information (要求补充材料) and the driver's answer. */
export interface InformationRequestTable {
  id: string
  application_id: string
  reviewer_id: string
  /** JSON array of INFO_FIELDS. */
  fields: string
  /** JSON array of UPLOAD_PURPOSES. */
  documents: string
  message: string
  created_at: string
  answered_at: string | null
  /** Encrypted JSON { fields, note } of the answer. */
  answer_enc: string | null
  /** JSON array of upload ids given with the answer. */
  upload_ids: string | null
}

/** A photo the driver sent for an application: JPEG/PNG by its bytes, encrypted. */
export interface UploadTable {
  id: string
  session_id: string
  application_id: string
  purpose: string
  content_type: string
  size: number
  data_enc: string
  created_at: string
  /** The information request it answered, once used. */
  request_id: string | null
}

/** 退会 asked by the driver: pending until the union confirms or declines (or the driver cancels). */
export interface LeaveRequestTable {
  id: string
  person_key: string
  org_id: string
  session_id: string
  reason: string
  note_enc: string | null
  /** 'pending' | 'confirmed' | 'declined' | 'cancelled'. */
  status: string
  /** person_key while pending: one pending request per person. */
  open_key: string | null
  created_at: string
  decided_at: string | null
  reviewer_id: string | null
  decision_reason: string | null
}

/** The member's history. */
export interface MembershipEventTable {
  id: Generated<number>
  person_key: string
  kind: string
  org_id: string | null
  reason: string | null
  created_at: string
}

export interface TransferTable {
  id: string
  session_id: string
  person_key: string
  from_org_id: string
  to_org_id: string
  reason: string
  status: string
  created_at: string
  updated_at: string
  expires_at: string
  /** The new home region a member asked to move to (member centre); set on the member only when the transfer completes. */
  home_county: string | null
  home_township: string | null
}

export interface ReviewActionTable {
  id: string
  subject_id: string
  reviewer_id: string
  action: string
  reason: string | null
  created_at: string
}

export interface IdempotencyTable {
  scope: string
  fingerprint: string
  status: number
  body: string
  created_at: string
}

export interface EventTable {
  id: string
  type: string
  platform_id: string
  payload: string
  created_at: string
}

export interface DeliveryTable {
  id: Generated<number>
  event_id: string
  platform_id: string
  status: string
  attempts: number
  next_attempt_at: string
  last_status: number | null
  last_error: string | null
  updated_at: string
}

/** An SMS to a driver about a decision (issue #16): sent through the outbox, retried; the mobile encrypted. */
export interface SmsMessageTable {
  id: string
  /** The application, transfer or leave request the decision was on. */
  subject_id: string
  /** The person (members.person_key): one person's messages are sent in the order of the decisions. */
  person_key: string
  template: string
  /** JSON of the template's parameters (the union's name only). */
  params: string
  to_enc: string
  /** 'pending' | 'sent' | 'failed'. */
  status: string
  attempts: number
  next_attempt_at: string
  last_status: number | null
  last_error: string | null
  created_at: string
  updated_at: string
}

export interface AuditTable {
  id: Generated<number>
  actor: string
  action: string
  subject: string
  created_at: string
}

export interface SettingTable {
  key: string
  value: string
}

export interface Database {
  settings: SettingTable
  platforms: PlatformTable
  reviewers: ReviewerTable
  orgs: OrgTable
  sessions: SessionTable
  applications: ApplicationTable
  members: MemberTable
  transfers: TransferTable
  review_actions: ReviewActionTable
  idempotency_keys: IdempotencyTable
  events: EventTable
  deliveries: DeliveryTable
  audit_log: AuditTable
  reviewer_sessions: ReviewerSessionTable
  services: ServiceTable
  partners: PartnerTable
  retired_secrets: RetiredSecretTable
  sms_messages: SmsMessageTable
  person_links: PersonLinkTable
  member_cards: MemberCardTable
  information_requests: InformationRequestTable
  uploads: UploadTable
  leave_requests: LeaveRequestTable
  membership_events: MembershipEventTable
  consent_texts: ConsentTextTable
  consent_withdrawals: ConsentWithdrawalTable
}
