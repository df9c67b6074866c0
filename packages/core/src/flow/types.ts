/** The public types of the headless join flow (`@ruhui/core/flow`). */
import type { JoinTokenClient } from '../client/create-registry-client'
import type { Application } from '../contract/applications'
import type { MemberService } from '../contract/member-services'
import type { OrganisationMatch, Park } from '../contract/organisations'
import type { Region } from '../contract/regions'
import type { Transfer } from '../contract/transfers'
import type { Issue } from '../issues'
import type { Platform } from '../platform'
import type { FlowTexts } from './texts'
import type { FlowStorage, LifecyclePort, NetworkPort } from './ports'

/**
 * The steps in order (issue #13): intro → consent (PIPL Art. 29, before the ID number) → identity → union (matching,
 * the driver's choice) → share (Art. 23, naming the chosen union; the optional consents beside it) → charter (the
 * declaration, and the submission) → submitting | queued → result.
 */
export type FlowStep = 'intro' | 'consent' | 'identity' | 'union' | 'share' | 'charter' | 'submitting' | 'queued' | 'result'
export type FieldName = 'name' | 'idNumber' | 'mobile' | 'employmentForm' | 'county' | 'township' | 'homeParkId' | 'employerUscc' | 'plate' | 'licenseClass'
export type ExitReason = 'user_exit' | 'consent_denied' | 'ineligible' | 'not_in_pilot' | 'already_member' | 'application_exists' | 'session_unavailable'
export type ResultKind = 'pending_review' | 'approved' | 'needs_assignment' | 'needs_info' | 'rejected' | 'transfer_required' | 'transfer_requested'

/** The stable event contract: names never change meaning; metadata is informational. */
export type FlowEventName =
  | 'OPEN'
  | 'RESUMED'
  | 'CONSENT_GRANTED'
  | 'CONSENT_DENIED'
  | 'CHARTER_ACCEPTED'
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

/** A consent or the charter, as agreed: the published text's version and hash, and when (China time). */
export interface ConsentGrant {
  version: string
  hash: string
  at: string
  /** For the provision to the union: the union named in the text the driver agreed to. */
  orgId?: string
}

/** What the platform already verified, as the flow takes it (`prefillFromSession` turns a session's `prefill` into this). */
export type FlowPrefill = Partial<Record<FieldName, string>> & { verified?: boolean }

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
  /**
   * What the driver agreed to, each with its own tap and recorded when it was given (not at submit time), with
   * the published text's version and hash: the sensitive-information consent (Art. 29), the provision to the
   * chosen union (Art. 23, `orgId` names it) and the charter declaration; the optional consents are off until switched on.
   */
  consent: {
    sensitive: ConsentGrant | null
    union: ConsentGrant | null
    charter: ConsentGrant | null
    /** Optional: the record shared with transport departments and industry associations. */
    shareWithPartners: boolean
    /** Optional: 允许平台知道我已入会 (the platform learns the membership and the union's name). */
    shareMembershipWithPlatform: boolean
  }
  /** Who runs the registry (the consents' `{operator}`). */
  operator: string
  /** The texts shown and agreed to: the registry's published ones (GET /v1/consent-texts), or the bundled ones offline. */
  texts: FlowTexts
  /**
   * Fields the platform filled in (`prefill`) and the driver has not chosen to change: shown read-only, each
   * with its own 修改 (`editField`).
   */
  prefilled: FieldName[]
  /** The platform said it verified the driver's real name (prefill.verified): shown as 平台已核验. */
  prefillVerified: boolean
  /** The driver offered to be an activist or volunteer (after submitting). */
  volunteered: boolean
  /**
   * The home-region picker, one full-screen list per level: where the driver is in it (province → prefecture →
   * county → township), what it lists, and the type-ahead (`query`; `results` null when there is none).
   */
  regionPicker: { open: boolean; path: Region[]; items: Region[]; loading: boolean; query: string; results: Region[] | null }
  /** The pilot's provinces, shown as buttons on the identity step: a tap opens the picker at that province. */
  regionProvinces: Region[]
  /** The chosen county in words ('江苏省 南京市 江宁区'); null until it is known (a prefilled county's words are asked for). */
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
  /**
   * After submitting: ask the driver to subscribe to the union's decision (WeChat's requestSubscribeMessage with
   * the host's template ids; the shells call it from a tap). Leave it out and no button is shown.
   */
  requestSubscription?(): Promise<{ accepted: boolean }>
  /** A photo the union asked for (the review loop): the driver takes or picks one; null when cancelled. */
  choosePhoto?(): Promise<{ bytes: Uint8Array; contentType: string; preview?: string } | null>
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
  /**
   * Who runs the registry, named in the consents (`{operator}`): e.g. '安徽省总工会'.
   * @default '工会入会服务平台运营方'
   */
  operator?: string
  /** What the platform already verified: shown read-only, each field with its own 修改 (see `prefillFromSession`). */
  prefill?: FlowPrefill
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
  /** Go back one step (share → union, charter → share, union → identity); nothing already agreed is lost. */
  back(): void
  /** The sensitive-information consent (Art. 29), before the ID number is typed. */
  grantConsent(): Promise<void>
  /** The provision to the chosen union (Art. 23): on the share step, naming the union. */
  grantShare(): void
  /** Optional, off by default: share the driver's record with transport departments and industry associations. */
  setShareWithPartners(share: boolean): void
  /** Optional, off by default: 允许平台知道我已入会. */
  setShareMembershipWithPlatform(share: boolean): void
  /** Declines the consent on screen (sensitive or share): the driver cannot join online; the flow ends. */
  denyConsent(): void
  setField(name: FieldName, value: string): void
  /** The driver wants to change a field the platform filled in: it becomes an ordinary field. */
  editField(name: FieldName): void
  /**
   * The home-region picker: open it at the pilot's provinces, go down with pickRegion, up with
   * regionPickerBack. Picking a county sets it and offers its townships (optional: close the
   * picker to skip); picking a township sets it too.
   */
  openRegionPicker(): Promise<void>
  /** The chosen county's townships (optional), from its own row on the identity step. */
  openTownshipPicker(): Promise<void>
  /** A region of the list on screen, a type-ahead result, or one of `regionProvinces` (opens the picker there). */
  pickRegion(code: string): Promise<void>
  /** Type-ahead in the picker ('hf', '合肥'): under the province on screen, else the pilot's provinces; '' clears it. */
  searchRegions(query: string): Promise<void>
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
  /** The union step's 确认: on to the share step, which names the chosen union. */
  confirmUnion(): void
  /** The charter step's 同意并提交: records the charter declaration and sends the application. */
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
