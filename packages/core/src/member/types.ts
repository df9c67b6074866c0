/** The public types of the headless member centre (`@ruhui/core/member`). */
import type { MemberService } from '../contract/member-services'
import type { LeaveReason } from '../enums'
import type { UnionChoice } from '../flow/union-choices'
import type { FlowStorage } from '../flow/ports'
import type { Platform } from '../platform'
import type { MemberApi, Membership } from './api'

/** Why a member moves (a transfer the driver starts: 会员组织关系接转). */
export type MoveReason = 'relocation' | 'job_change' | 'platform_change'
export const MOVE_REASONS: readonly MoveReason[] = ['relocation', 'job_change', 'platform_change']

/** Which part of the centre shows: the card and the rest, or one of the driver's requests. */
export type MemberPanel = 'home' | 'move' | 'leave' | 'update'

/** A problem to show, in words (the registry's own message for its errors); `field` when one input is at fault. */
export interface MemberError {
  code: string
  message: string
  field?: string
}

/** What was done, for a line of confirmation (words: MemberLabels). */
export type MemberNotice = 'moveSent' | 'leaveSent' | 'leaveCancelled' | 'updateSaved'

export interface MemberState {
  /**
   * loading → member (a membership to show) | not_member (none for this driver; `membership` may still
   * carry an open application and the union's request for information) | failed (could not load: `error`).
   */
  status: 'loading' | 'member' | 'not_member' | 'failed'
  membership: Membership | null
  /** The catalogue that applies to members of the driver's region. */
  services: MemberService[]
  panel: MemberPanel
  /** The move: why, the new base, the unions that would take the membership there (null until asked), the one chosen. */
  move: { reason: MoveReason; county: string; options: UnionChoice[] | null; selectedOrgId: string | null }
  leave: { reason: LeaveReason | null; note: string }
  update: { mobile: string; county: string }
  /** Choosing the county in words (move and update panels): what was typed, the counties found (null before), the chosen one's name. */
  places: { query: string; results: Array<{ code: string; name: string }> | null; chosen: string | null }
  /** Messages under the inputs of the open panel, by field. */
  fieldIssues: Record<string, string>
  busy: boolean
  error: MemberError | null
  notice: MemberNotice | null
  online: boolean
  /** The membership shown is the one kept on the phone from an earlier visit; the registry has not confirmed it yet (or cannot be reached). */
  stale: boolean
}

/** What the host app can do for the member centre (each optional; a missing one hides its button). */
export interface MemberCapabilities {
  /**
   * Let the driver take or pick a photo (Taro.chooseImage / wx.chooseMedia in the shells) and read its
   * bytes; null when the driver cancelled.
   */
  choosePhoto?(): Promise<ChosenPhoto | null>
  /** Ask the driver to subscribe to the union's decisions (WeChat's requestSubscribeMessage, from a tap). */
  requestSubscription?(): Promise<{ accepted: boolean }>
}

export interface ChosenPhoto {
  bytes: Uint8Array
  /** What the host says it is; the registry checks the content itself. */
  contentType: string
  /** For the driver's eyes only (a preview path or file name). */
  preview?: string
}

export type MemberEventName = 'MEMBERSHIP_LOADED' | 'TRANSFER_OPTIONS' | 'MOVE_REQUESTED' | 'LEAVE_REQUESTED' | 'LEAVE_CANCELLED' | 'DETAILS_UPDATED' | 'INFO_RESPONDED' | 'ERROR'

export interface MemberCentreOptions {
  api: MemberApi
  /**
   * Where the card is kept for a visit without signal (a 司机之家 with a weak network). Used only when
   * `private` (the mini-program's storage: the app's and the WeChat user's); never in a browser's shared storage.
   */
  storage?: FlowStorage
  locale?: 'zh-CN' | 'en'
  platform?: Platform
  /** No personal data, ever: names and codes only. */
  onEvent?(event: { name: MemberEventName; metadata?: Record<string, string> }): void
}

export interface MemberCentre {
  getState(): MemberState
  subscribe(listener: (state: MemberState) => void): () => void
  /** Load the membership and the services (again, after a failure or to refresh). */
  load(): Promise<void>
  open(panel: MemberPanel): void
  setMove(patch: Partial<Pick<MemberState['move'], 'reason' | 'county'>>): void
  /** Look for a county by name, pinyin initials or code (for the open panel); the latest query wins. */
  searchPlaces(query: string): Promise<void>
  /** Take a county found by searchPlaces for the open panel's county. */
  pickPlace(code: string): void
  /** Ask which unions would take the membership at the new base (the registry's matching). */
  findUnions(): Promise<void>
  selectUnion(orgId: string): void
  setLeave(patch: Partial<MemberState['leave']>): void
  setUpdate(patch: Partial<MemberState['update']>): void
  /** Ask to move the membership to the chosen union (a transfer both unions act on). */
  submitMove(): Promise<void>
  /** Ask to leave the union (退会), with a reason; the union confirms it. */
  submitLeave(): Promise<void>
  /** Take back a request to leave that the union has not decided. */
  cancelLeave(): Promise<void>
  /** Change the mobile and/or the home region. */
  submitUpdate(): Promise<void>
  destroy(): void
}
