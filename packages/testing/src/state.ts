/** What the sandbox remembers, in memory. Ids and times look like the real registry's. */
import type { Application, ApplicationSubmit, BaseRegion, InformationRequest, JoinSession, JoinSessionCreate, LeaveRequest, Membership, RegistryEvent, Transfer } from '@ruhui/core/contract'
import type { Directory, MatchingConfig } from '@ruhui/core/matching'

export interface SandboxPlatform {
  id: string
  secretKey: string
  /** The platform enterprise's credit code (tier 2 of matching). */
  uscc?: string
  /** A disabled platform: its key is refused with `api_key_expired`, as the registry refuses a revoked one. */
  disabled?: boolean
  /** URLs a join session may name as `return_url` (exact match), as `platform create --return-url` registers them. */
  returnUrls?: string[]
  /** Web origins that may frame the hosted page (`--allowed-origin`); the sandbox keeps them for parity. */
  allowedOrigins?: string[]
}

export interface SessionRecord {
  session: Omit<JoinSession, 'join_token'>
  token: string
  tokenExpiresAt: number
  /** Set when a submission in this session came back `transfer_required`. */
  pendingTransfer?: { personKey: string; fromOrgId: string }
  /** The distinct ID numbers submitted in this session (the registry caps them: no membership oracle). */
  triedKeys?: string[]
  /** What the platform prefilled at creation (read back with the session's own token). */
  prefill?: JoinSessionCreate['prefill']
}

export interface ApplicationRecord {
  application: Application
  personKey: string
  /** Offered by the applicant after submitting (积极分子/志愿者). */
  volunteerRoles?: string[]
  /** What the driver agreed to (issue #13), and when an optional consent was withdrawn. */
  consents: ApplicationSubmit['consents']
  charter: ApplicationSubmit['charter']
  withdrawn: Partial<Record<string, string>>
  /** What the member centre shows of the applicant (issue #16): masked, as the registry keeps it. */
  applicant?: { nameMasked: string; mobileMasked: string; baseRegion: BaseRegion }
}

export interface MemberRecord {
  orgId: string
  status: 'active' | 'transferring' | 'retained' | 'withdrawn' | 'expelled'
  /** Issue #16: what the member centre reads (absent for the magic already-member identity). */
  joinDate?: string
  applicationId?: string
  cardNumber?: string
  mobileMasked?: string
  homeRegion?: BaseRegion
  history?: Membership['history']
  leave?: LeaveRequest | null
}

/** A member card the sandbox issued: its payload is looked up, not signed (the registry signs with Ed25519). */
export interface CardRecord {
  personKey: string
  number: string
  orgId: string
  maskedName: string
  since: string
  issuedAt: string
  revoked: boolean
}

/** A photo sent for an application (issue #16); the sandbox keeps its bytes in memory. */
export interface UploadRecord {
  id: string
  sessionId: string
  applicationId: string
  purpose: string
  contentType: 'image/jpeg' | 'image/png'
  bytes: Uint8Array
  createdAt: string
  used: boolean
}

export interface IdempotencyRecord {
  fingerprint: string
  status: number
  body: string
}

export interface SandboxState {
  /** Where the sandbox answers: the base of a session's `hosted_url`. */
  baseUrl: string
  platforms: SandboxPlatform[]
  sessions: Map<string, SessionRecord>
  tokens: Map<string, string>
  applications: Map<string, ApplicationRecord>
  members: Map<string, MemberRecord>
  transfers: Map<string, Transfer>
  idempotency: Map<string, IdempotencyRecord>
  events: RegistryEvent[]
  directory: Directory
  /** The matching configuration in force (per-province tiers, pilot regions). */
  matching: MatchingConfig
  now: () => number
  tokenTtlMs: number
  /** Distinct ID numbers one session may submit (issue #13). */
  maxIdNumbersPerSession: number
  /** Issue #16: the member a platform user is (`platformId|platformUserId` → person), set on approval. */
  links: Map<string, string>
  /** Cards by QR payload. */
  cards: Map<string, CardRecord>
  /** The latest request for information of an application. */
  informationRequests: Map<string, InformationRequest>
  uploads: Map<string, UploadRecord>
  /** Whose membership a transfer moves (transfer id → person). */
  transferPersons: Map<string, string>
  /** The home region a member's move asks for (transfer id → region): the member's only once the transfer completes. */
  transferHomes: Map<string, BaseRegion>
  seq: number
}
