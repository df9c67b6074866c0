/** What the sandbox remembers, in memory. Ids and times look like the real registry's. */
import type { Application, ApplicationSubmit, JoinSession, RegistryEvent, Transfer } from '@ruhui/core/contract'
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
}

export interface MemberRecord {
  orgId: string
  status: 'active' | 'transferring' | 'retained' | 'withdrawn'
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
  seq: number
}
