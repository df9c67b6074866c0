/**
 * What can happen to the flow (actions: the driver's intents, the ports' news and the calls'
 * results) and what the flow then has to do (effects). Both are plain data; every action is
 * stamped with the time (`at`, ms) when it is dispatched.
 */
import type { Application } from '../contract/applications'
import type { MemberService } from '../contract/member-services'
import type { MatchRequest, OrganisationMatch, Park } from '../contract/organisations'
import type { ConsentTextWire } from '../contract/consent-texts'
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
type Roles = Array<'activist' | 'volunteer'>

/** An action without its time stamp. */
export type ActionBody =
  // the driver and the host (named as JoinFlow's methods)
  | { type: 'open'; saved: string | null }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'grantConsent' }
  | { type: 'grantShare' }
  | { type: 'setShareWithPartners'; share: boolean }
  | { type: 'setShareMembershipWithPlatform'; share: boolean }
  | { type: 'denyConsent' }
  | { type: 'setField'; name: FieldName; value: string }
  | { type: 'editField'; name: FieldName }
  | { type: 'openRegionPicker' }
  | { type: 'openTownshipPicker' }
  | { type: 'pickRegion'; code: string }
  | { type: 'searchRegions'; query: string }
  | { type: 'regionPickerBack' }
  | { type: 'closeRegionPicker' }
  | { type: 'applyPhoneCode'; code: string }
  | { type: 'useHostPhone' }
  | { type: 'verifyFace' }
  | { type: 'confirmIdentity' }
  | { type: 'selectUnion'; orgId: string }
  | { type: 'confirmUnion' }
  /** `key`: the idempotency key a new submission gets (a submission unchanged since the last try keeps its own). */
  | { type: 'submit'; key: string }
  | { type: 'requestTransfer'; reason: TransferReason }
  | { type: 'refreshResult' }
  | { type: 'volunteer'; roles: Roles }
  | { type: 'exit' }
  // the ports
  | { type: 'networkChanged'; online: boolean }
  | { type: 'foreground' }
  | { type: 'tokenRefreshed' }
  // the calls' results (`tag`: which region list it answers)
  | { type: 'servicesLoaded'; result: MemberService[] }
  | { type: 'textsLoaded'; result: ConsentTextWire[] }
  | { type: 'regionsLoaded'; result: Region[]; tag: number }
  /** Type-ahead results (`tag`: which search it answers). */
  | { type: 'regionsFound'; result: Region[]; tag: number }
  /** The pilot's provinces, for the identity step's buttons. */
  | { type: 'provincesLoaded'; result: Region[] }
  /** The words of a prefilled home region (`tag`: the county or township code asked about). */
  | { type: 'placeNamed'; result: Region[]; tag: string }
  /** `tag`: the county whose parks these are. */
  | { type: 'parksLoaded'; result: Park[]; tag: string }
  | { type: 'phoneVerified'; result: { mobile: string; verifiedAt?: string } }
  | { type: 'faceChecked'; result: { passed: boolean; verifiedAt?: string } }
  | { type: 'matched'; result: OrganisationMatch }
  | { type: 'submitted' | 'synced'; result: Application }
  | { type: 'transferred'; result: Transfer }
  | { type: 'statusFetched'; result: Application }
  | { type: 'volunteered'; result: Application }
  | { type: 'regionsFailed' | 'phoneFailed' | 'faceFailed' | 'matchFailed' | 'submitFailed' | 'transferFailed' | 'volunteerFailed'; failure: Failure; online: boolean; tag?: number | string }

export type Action = ActionBody & { at: number }

/** A call to the registry or the host: its input, and the actions its result and its failure come back as. */
export type Call =
  | { call: 'services'; input: { membership: 'member' | 'non_member'; region: string } }
  | { call: 'regions'; input: { parent?: string; q?: string } }
  | { call: 'texts'; input: null }
  | { call: 'parks'; input: { county: string } }
  | { call: 'phone'; input: string }
  | { call: 'hostPhone'; input: null }
  | { call: 'face'; input: null }
  | { call: 'match'; input: MatchRequest }
  /** Send the outbox entry (the outbox joins one already on its way). */
  | { call: 'submit'; input: Outbox }
  | { call: 'transfer'; input: { to: string; reason: TransferReason; key: string } }
  | { call: 'status'; input: string }
  | { call: 'volunteer'; input: { id: string; roles: Roles; key: string } }

type ResultType = Extract<ActionBody, { result: unknown }>['type']
type FailureType = Extract<ActionBody, { failure: Failure }>['type']

export type Effect =
  | { type: 'emit'; name: FlowEventName; metadata?: FlowEvent['metadata'] }
  | { type: 'succeed'; result: Parameters<JoinFlowOptions['onSuccess']>[0] }
  | { type: 'exited'; reason: ExitReason }
  | { type: 'discardDraft' }
  /** `background`: nobody waits for it; without `failed` a failure changes nothing. */
  | ({ type: 'call'; done: ResultType; failed?: FailureType; tag?: number | string; background?: true } & Call)
