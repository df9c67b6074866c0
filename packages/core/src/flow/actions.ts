/**
 * What can happen to the flow (actions: the driver's intents, the ports' news and the effects'
 * results) and what the flow then has to do (effects). Both are plain data.
 */
import type { Application } from '../contract/applications'
import type { MemberService } from '../contract/member-services'
import type { MatchRequest, OrganisationMatch } from '../contract/organisations'
import type { Region } from '../contract/regions'
import type { Transfer } from '../contract/transfers'
import type { Outbox } from './outbox'
import type { ExitReason, FieldName, FlowEvent, FlowEventName, JoinFlowOptions } from './types'

/** A failed call, as data: the registry's code, family and words (or 'unexpected'). */
export interface Failure {
  type: string
  code: string
  message: string
  param?: string
}

export type TransferReason = 'job_change' | 'platform_change' | 'relocation' | 'org_dissolved' | 'other'

export type Action =
  // the driver and the host
  | { type: 'open'; saved: string | null; online: boolean }
  | { type: 'next' }
  | { type: 'grantConsent'; now: number }
  | { type: 'setShareWithPartners'; share: boolean }
  | { type: 'denyConsent' }
  | { type: 'setField'; name: FieldName; value: string; now: number }
  | { type: 'openRegionPicker' }
  | { type: 'pickRegion'; code: string; now: number }
  | { type: 'regionPickerBack' }
  | { type: 'closeRegionPicker' }
  | { type: 'applyPhoneCode'; code: string }
  | { type: 'verifyFace' }
  | { type: 'confirmIdentity'; now: number; online: boolean }
  | { type: 'selectUnion'; orgId: string }
  /** `key`: the idempotency key a new submission gets (a submission unchanged since the last try keeps its own). */
  | { type: 'submit'; key: string; now: number; online: boolean }
  | { type: 'requestTransfer'; reason: TransferReason }
  | { type: 'refreshResult' }
  | { type: 'volunteer'; roles: Array<'activist' | 'volunteer'> }
  | { type: 'exit' }
  // the ports
  | { type: 'networkChanged'; online: boolean }
  | { type: 'foreground' }
  | { type: 'tokenRefreshed' }
  // the effects' results
  | { type: 'servicesLoaded'; services: MemberService[] }
  | { type: 'regionsLoaded'; request: number; items: Region[] }
  | { type: 'regionsFailed'; request: number; failure: Failure }
  | { type: 'phoneVerified'; mobile: string; verifiedAt: string; now: number }
  | { type: 'phoneFailed' }
  | { type: 'faceVerified'; verifiedAt: string }
  | { type: 'faceFailed' }
  | { type: 'matched'; match: OrganisationMatch }
  | { type: 'matchFailed'; failure: Failure }
  | { type: 'submitted'; application: Application; synced: boolean }
  | { type: 'submitFailed'; failure: Failure; online: boolean }
  | { type: 'transferred'; transfer: Transfer }
  | { type: 'transferFailed'; failure: Failure }
  | { type: 'statusFetched'; application: Application }
  | { type: 'volunteered' }
  | { type: 'volunteerFailed'; failure: Failure }

export type Effect =
  | { type: 'emit'; name: FlowEventName; metadata?: FlowEvent['metadata'] }
  | { type: 'succeed'; result: Parameters<JoinFlowOptions['onSuccess']>[0] }
  | { type: 'exited'; reason: ExitReason }
  | { type: 'discardDraft' }
  /** `background`: nobody waits for it (the intro's list of services). */
  | { type: 'loadServices'; membership: 'member' | 'non_member'; region: string; background?: boolean }
  | { type: 'loadRegions'; request: number; parent?: string }
  | { type: 'exchangePhone'; code: string }
  | { type: 'verifyFace' }
  | { type: 'match'; request: MatchRequest }
  /** Send the outbox entry (`synced`: it had been queued). */
  | { type: 'send'; outbox: Outbox; synced: boolean }
  | { type: 'transfer'; toOrgId: string; reason: TransferReason; idempotencyKey: string }
  | { type: 'fetchStatus'; applicationId: string }
  | { type: 'volunteer'; applicationId: string; roles: Array<'activist' | 'volunteer'>; idempotencyKey: string }
