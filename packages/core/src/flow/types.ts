/** The public types of the headless join flow (`@ruhui/core/flow`). */
import type { JoinTokenClient } from '../client/create-registry-client'
import type { Application } from '../contract/applications'
import type { MemberService } from '../contract/member-services'
import type { OrganisationMatch, Park } from '../contract/organisations'
import type { Region } from '../contract/regions'
import type { Transfer } from '../contract/transfers'
import type { Issue } from '../issues'
import type { Platform } from '../platform'
import type { ConsentTexts } from './consent-texts'
import type { FlowStorage, LifecyclePort, NetworkPort } from './ports'

export type FlowStep = 'intro' | 'consent' | 'identity' | 'union' | 'submitting' | 'queued' | 'result'
export type FieldName = 'name' | 'idNumber' | 'mobile' | 'employmentForm' | 'county' | 'township' | 'homeParkId' | 'employerUscc' | 'plate' | 'licenseClass'
export type ExitReason = 'user_exit' | 'consent_denied' | 'ineligible' | 'not_in_pilot' | 'already_member' | 'application_exists' | 'session_unavailable'
export type ResultKind = 'pending_review' | 'approved' | 'needs_assignment' | 'needs_info' | 'rejected' | 'transfer_required' | 'transfer_requested'

/** The stable event contract: names never change meaning; metadata is informational. */
export type FlowEventName =
  | 'OPEN'
  | 'RESUMED'
  | 'CONSENT_GRANTED'
  | 'CONSENT_DENIED'
  | 'IDENTITY_VALID'
  | 'UNION_SELECTED'
  | 'SUBMITTED'
  | 'SUBMISSION_QUEUED_OFFLINE'
  | 'SUBMISSION_SYNCED'
  | 'TOKEN_REFRESHED'
  | 'PHONE_VERIFIED'
  | 'FACE_VERIFIED'
  | 'TRANSFER_REQUESTED'
  | 'STATUS_CHANGED'
  | 'VOLUNTEERED'
  | 'EXIT'
  | 'ERROR'

export interface FlowEvent {
  name: FlowEventName
  sessionId: string
  at: string
  /** No personal data, ever. */
  metadata?: Record<string, string | number | boolean>
}

export interface FlowState {
  sessionId: string
  step: FlowStep
  fields: Record<FieldName, string>
  /** Issues per field (words: formatIssue); only for fields the driver has touched, or all after a submit attempt. */
  fieldIssues: Partial<Record<FieldName, Issue[]>>
  /** When the driver agreed (recorded with the consent, not at submit time). */
  consent: { granted: boolean; version: string | null; grantedAt: string | null; shareWithPartners: boolean }
  /** The driver offered to be an activist or volunteer (after submitting). */
  volunteered: boolean
  /** The home-region picker: where the driver is in it (province → prefecture → county → township) and what it lists. */
  regionPicker: { open: boolean; path: Region[]; items: Region[]; loading: boolean }
  /** The chosen county in words ('江苏省 南京市 江宁区'); null when the code was typed. */
  countyLabel: string | null
  /** The township's name when it was picked from the list (null when none, or typed as a code). */
  townshipLabel: string | null
  /**
   * The logistics parks of the chosen county, for the optional question "where do you mostly load or
   * unload?" (`setField('homeParkId', id)`, '' for none): the park tier then matches by park. Empty where the county has none.
   */
  parks: Park[]
  /** What the host verified in this flow: the mobile through WeChat's phone button, the face through its backend. */
  verification: { mobileVerifiedAt: string | null; faceVerifiedAt: string | null }
  match: OrganisationMatch | null
  selectedOrgId: string | null
  services: MemberService[]
  result: { kind: ResultKind; application?: Application; transfer?: Transfer } | null
  /** A problem to show on the current step (the registry's Chinese message), or null. */
  error: { code: string; message: string } | null
  busy: boolean
  online: boolean
  finished: boolean
}

/**
 * What the host app can do that the flow cannot: both run through the host's own backend,
 * which holds the WeChat credentials. Leave one out and its button is not shown.
 */
export interface HostCapabilities {
  /** Exchange the code from WeChat's getPhoneNumber button for the verified number. */
  exchangePhoneCode?(code: string): Promise<{ mobile: string; verifiedAt?: string }>
  /**
   * The number the host app already verified (where WeChat's button does not exist: a native app through the
   * hosted page's `need_phone`, a mini-program plugin, Alipay or Douyin). Shown as its own button.
   */
  verifiedPhone?(): Promise<{ mobile: string; verifiedAt?: string }>
  /** Run the host's facial verification of this driver against the platform's real-name record. */
  verifyFace?(): Promise<{ passed: boolean; verifiedAt?: string }>
}

export interface JoinFlowOptions {
  /**
   * A join-token client. For an expiring token build it with `auth: { token, refresh }` (the client
   * refreshes once and resends the same request) and `onTokenRefreshed: () => flow.tokenRefreshed()`.
   */
  client: JoinTokenClient
  sessionId: string
  storage: FlowStorage
  network: NetworkPort
  lifecycle?: LifecyclePort
  platform?: Platform
  /** The time (ms since the epoch); tests pass a fake. @default platform.now */
  clock?: () => number
  consentTexts?: ConsentTexts
  /** What the platform already verified (the driver can correct it). */
  prefill?: Partial<Record<FieldName, string>>
  locale?: 'zh-CN' | 'en'
  capabilities?: HostCapabilities
  onSuccess(result: { sessionId: string; applicationId?: string; transferId?: string; status: string }): void
  onExit(details: { sessionId: string; reason: ExitReason }): void
  onEvent?(event: FlowEvent): void
}

export interface JoinFlow {
  getState(): FlowState
  subscribe(listener: (state: FlowState) => void): () => void
  /** Open (or resume) the flow. */
  start(): Promise<void>
  next(): void
  grantConsent(): Promise<void>
  /** The optional third consent: share the driver's record with transport departments and industry associations. */
  setShareWithPartners(share: boolean): void
  denyConsent(): void
  setField(name: FieldName, value: string): void
  /**
   * The home-region picker: open it at the pilot's provinces, go down with pickRegion, up with
   * regionPickerBack. Picking a county sets it and offers its townships (optional: close the
   * picker to skip); picking a township sets it too.
   */
  openRegionPicker(): Promise<void>
  pickRegion(code: string): Promise<void>
  regionPickerBack(): Promise<void>
  closeRegionPicker(): void
  /** The code from the host's getPhoneNumber button: fills the mobile with the number the host verified. */
  applyPhoneCode(code: string): Promise<void>
  /** Ask the host for the number it already verified (`capabilities.verifiedPhone`): fills the mobile with it. */
  useHostPhone(): Promise<void>
  /** Ask the host for its facial verification of the driver. */
  verifyFace(): Promise<void>
  confirmIdentity(): Promise<void>
  selectUnion(orgId: string): void
  submit(): Promise<void>
  requestTransfer(reason?: 'job_change' | 'platform_change' | 'relocation' | 'org_dissolved' | 'other'): Promise<void>
  /** Ask the registry for the application's status now (the result step polls it): approval brings the e-card. */
  refreshResult(): Promise<void>
  /** After submitting: offer to help as an activist and/or volunteer. */
  volunteer(roles?: Array<'activist' | 'volunteer'>): Promise<void>
  /**
   * Leave the flow. While a submission (or a transfer request) is on its way, the flow first waits
   * for the registry's answer: created → onSuccess (the driver did join); otherwise → onExit.
   * A submission still queued offline stays on the device and is sent when the flow next opens for this session.
   */
  exit(): void
  /**
   * The client got a fresh join token: pass this as the client's `onTokenRefreshed`
   * (`createRegistryClient({ auth: { token, refresh }, onTokenRefreshed: () => flow.tokenRefreshed() })`);
   * the flow reports TOKEN_REFRESHED. Refreshing itself is the client's job (`auth.refresh`).
   */
  tokenRefreshed(): void
  destroy(): void
}
