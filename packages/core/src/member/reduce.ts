/**
 * The member centre's reducer: (state, action) → (state, effects), pure. The driver's intents
 * are checked here first (a mobile that is not one, a county code that is not six digits, a
 * leave without a reason never reach the registry); the calls' answers come back as actions.
 */
import type { MemberService } from '../contract/member-services'
import type { OrganisationMatch } from '../contract/organisations'
import { checkMobile } from '../identity/mobile'
import { prefixIssues } from '../issues'
import { formatIssue } from '../messages/format'
import { unionChoices } from '../flow/union-choices'
import type { Membership } from './api'
import type { MemberError, MemberEventName, MemberNotice, MemberPanel, MemberState } from './types'

export type MemberAction =
  | { type: 'load' }
  | { type: 'loaded'; membership: Membership }
  /** The card kept on the phone from the last load (shown, marked stale, until the registry answers). */
  | { type: 'cached'; membership: Membership }
  | { type: 'servicesLoaded'; services: MemberService[] }
  | { type: 'failed'; error: MemberError; online: boolean }
  | { type: 'open'; panel: MemberPanel }
  | { type: 'setMove'; patch: Partial<Pick<MemberState['move'], 'reason' | 'county'>> }
  | { type: 'searchPlaces'; query: string }
  | { type: 'placesFound'; query: string; results: Array<{ code: string; name: string }> }
  | { type: 'pickPlace'; code: string }
  | { type: 'findUnions' }
  | { type: 'optionsFound'; match: OrganisationMatch }
  | { type: 'selectUnion'; orgId: string }
  | { type: 'setLeave'; patch: Partial<MemberState['leave']> }
  | { type: 'setUpdate'; patch: Partial<MemberState['update']> }
  | { type: 'submitMove' | 'submitLeave' | 'cancelLeave' | 'submitUpdate'; key: string }
  | { type: 'done'; notice: MemberNotice; membership: Membership | null }

export type MemberCall =
  | { call: 'membership' }
  | { call: 'keep'; membership: Membership | null }
  | { call: 'services'; region: string | undefined }
  | { call: 'places'; query: string }
  | { call: 'transferOptions'; county: string }
  | { call: 'transfer'; body: { reason: MemberState['move']['reason']; base_region: { county: string }; to_org_id: string }; key: string }
  | { call: 'leave'; body: { reason: NonNullable<MemberState['leave']['reason']>; note?: string }; key: string }
  | { call: 'cancelLeave'; key: string }
  | { call: 'updateProfile'; body: { mobile?: string; home_region?: { county: string } }; key: string }

export type MemberEffect = MemberCall | { call: 'emit'; name: MemberEventName; metadata?: Record<string, string> }

export interface Reduced {
  state: MemberState
  effects: MemberEffect[]
}

export function initialMemberState(online = true): MemberState {
  return {
    status: 'loading',
    membership: null,
    services: [],
    panel: 'home',
    move: { reason: 'relocation', county: '', options: null, selectedOrgId: null },
    leave: { reason: null, note: '' },
    update: { mobile: '', county: '' },
    places: { query: '', results: null, chosen: null },
    fieldIssues: {},
    busy: false,
    error: null,
    notice: null,
    online,
    stale: false,
  }
}

const COUNTY = /^\d{6}$/
const NOTICE_EVENT: Record<MemberNotice, MemberEventName> = { moveSent: 'MOVE_REQUESTED', leaveSent: 'LEAVE_REQUESTED', leaveCancelled: 'LEAVE_CANCELLED', updateSaved: 'DETAILS_UPDATED' }

/** Where the member lives and works from: the region of the services list and of the update form. */
const homeOf = (m: Membership | null) => m?.home_region.county

const without = (issues: Record<string, string>, ...keys: string[]) => Object.fromEntries(Object.entries(issues).filter(([k]) => !keys.includes(k)))

export function reduceMember(s: MemberState, a: MemberAction, locale: 'zh-CN' | 'en' = 'zh-CN'): Reduced {
  const en = locale === 'en'
  const countyIssue = en ? 'Enter the 6-digit county code' : '请填写 6 位区县代码'
  const busy = (call: MemberCall): Reduced => ({ state: { ...s, busy: true, error: null, fieldIssues: {} }, effects: [call] })
  switch (a.type) {
    case 'load':
      return { state: { ...s, status: s.membership ? s.status : 'loading', busy: true, error: null }, effects: [{ call: 'membership' }] }
    case 'cached':
      // Only before the registry has answered: its answer always wins.
      return s.status === 'loading' && !s.membership ? { state: { ...s, membership: a.membership, status: 'member', stale: true }, effects: [] } : { state: s, effects: [] }
    case 'loaded': {
      const m = a.membership
      const state: MemberState = { ...s, membership: m, status: m.status ? 'member' : 'not_member', busy: false, error: null, stale: false, online: true }
      // The update form starts from what the registry has.
      if (!s.update.county && !s.update.mobile) state.update = { mobile: '', county: homeOf(m) ?? '' }
      // The card is kept on the phone for a weak signal at a service point; nothing is kept once there is none.
      const effects: MemberEffect[] = [{ call: 'emit', name: 'MEMBERSHIP_LOADED', metadata: { status: m.status ?? 'none' } }, { call: 'keep', membership: m.status && m.card ? m : null }]
      if (m.status) effects.push({ call: 'services', region: homeOf(m) })
      return { state, effects }
    }
    case 'servicesLoaded':
      return { state: { ...s, services: a.services }, effects: [] }
    case 'failed': {
      // Never applied through this platform: nothing to show, nothing wrong.
      if (a.error.code === 'membership_not_found') return { state: { ...s, busy: false, status: 'not_member', membership: null, error: null, stale: false }, effects: [{ call: 'keep', membership: null }] }
      const state: MemberState = { ...s, busy: false, error: a.error, online: a.online }
      // A card kept on the phone stays shown (marked stale); otherwise there is nothing to show.
      if (s.status === 'loading') state.status = s.stale && s.membership ? 'member' : 'failed'
      const field = a.error.field === 'base_region' || a.error.field === 'home_region' || a.error.field?.startsWith('base_region.') ? 'county' : a.error.field
      if (field) state.fieldIssues = { ...s.fieldIssues, [field]: a.error.message }
      return { state, effects: [{ call: 'emit', name: 'ERROR', metadata: { code: a.error.code } }] }
    }
    case 'open':
      return { state: { ...s, panel: a.panel, fieldIssues: {}, error: null, notice: null, places: { query: '', results: null, chosen: null } }, effects: [] }
    case 'searchPlaces': {
      const query = a.query.trim()
      const places = { ...s.places, query: a.query, ...(query ? {} : { results: null }) }
      return { state: { ...s, places }, effects: query ? [{ call: 'places', query }] : [] }
    }
    case 'placesFound':
      // A slower answer to an earlier query is not shown over the latest one.
      return a.query === s.places.query.trim() ? { state: { ...s, places: { ...s.places, results: a.results } }, effects: [] } : { state: s, effects: [] }
    case 'pickPlace': {
      const found = s.places.results?.find((r) => r.code === a.code)
      if (!found) return { state: s, effects: [] }
      const places = { query: '', results: null, chosen: found.name }
      if (s.panel === 'update') return { state: { ...s, places, update: { ...s.update, county: found.code }, fieldIssues: without(s.fieldIssues, 'county') }, effects: [] }
      const move = { ...s.move, county: found.code, ...(found.code !== s.move.county ? { options: null, selectedOrgId: null } : {}) }
      return { state: { ...s, places, move, fieldIssues: without(s.fieldIssues, 'county') }, effects: [] }
    }
    case 'setMove': {
      // A new base or reason: the unions found for the old one no longer apply.
      const changed = a.patch.county !== undefined && a.patch.county !== s.move.county
      const move = { ...s.move, ...a.patch, ...(changed ? { options: null, selectedOrgId: null } : {}) }
      return { state: { ...s, move, ...(changed ? { places: { ...s.places, chosen: null } } : {}), fieldIssues: without(s.fieldIssues, 'county') }, effects: [] }
    }
    case 'findUnions': {
      if (s.busy) return { state: s, effects: [] }
      const county = s.move.county.trim()
      if (!COUNTY.test(county)) return { state: { ...s, fieldIssues: { county: countyIssue } }, effects: [] }
      if (county === homeOf(s.membership) && s.move.reason === 'relocation') return { state: { ...s, fieldIssues: { county: en ? 'That is where you are based already' : '这就是您现在的常驻地' } }, effects: [] }
      return busy({ call: 'transferOptions', county })
    }
    case 'optionsFound': {
      const { choices } = unionChoices(a.match)
      // The union that holds the membership now is not a place to move to.
      const options = choices.filter((c) => c.id !== s.membership?.union?.org_id)
      const state: MemberState = { ...s, busy: false, move: { ...s.move, options, selectedOrgId: options.length === 1 ? options[0]!.id : null } }
      if (options.length === 0) state.fieldIssues = { county: en ? 'No other union takes members there online; please contact your union' : '该地区没有可以在线接收的其他工会，请联系您所在的工会' }
      return { state, effects: [{ call: 'emit', name: 'TRANSFER_OPTIONS', metadata: { count: String(options.length) } }] }
    }
    case 'selectUnion':
      return s.move.options?.some((o) => o.id === a.orgId) ? { state: { ...s, move: { ...s.move, selectedOrgId: a.orgId }, fieldIssues: without(s.fieldIssues, 'union') }, effects: [] } : { state: s, effects: [] }
    case 'setLeave':
      return { state: { ...s, leave: { ...s.leave, ...a.patch }, fieldIssues: without(s.fieldIssues, ...Object.keys(a.patch)) }, effects: [] }
    case 'setUpdate':
      return { state: { ...s, update: { ...s.update, ...a.patch }, ...(a.patch.county !== undefined ? { places: { ...s.places, chosen: null } } : {}), fieldIssues: without(s.fieldIssues, ...Object.keys(a.patch)) }, effects: [] }
    case 'submitMove': {
      if (s.busy) return { state: s, effects: [] }
      const county = s.move.county.trim()
      if (!s.move.options || !COUNTY.test(county)) return { state: { ...s, fieldIssues: { county: COUNTY.test(county) ? (en ? 'Find the union there first' : '请先查找新地方的工会') : countyIssue } }, effects: [] }
      if (!s.move.selectedOrgId) return { state: { ...s, fieldIssues: { union: en ? 'Choose a union' : '请选择接收您的工会' } }, effects: [] }
      return busy({ call: 'transfer', body: { reason: s.move.reason, base_region: { county }, to_org_id: s.move.selectedOrgId }, key: a.key })
    }
    case 'submitLeave': {
      if (s.busy) return { state: s, effects: [] }
      if (!s.leave.reason) return { state: { ...s, fieldIssues: { reason: en ? 'Choose a reason' : '请选择退会原因' } }, effects: [] }
      const note = s.leave.note.trim()
      return busy({ call: 'leave', body: { reason: s.leave.reason, ...(note ? { note } : {}) }, key: a.key })
    }
    case 'cancelLeave':
      return s.busy ? { state: s, effects: [] } : busy({ call: 'cancelLeave', key: a.key })
    case 'submitUpdate': {
      if (s.busy) return { state: s, effects: [] }
      const body: { mobile?: string; home_region?: { county: string } } = {}
      const fieldIssues: Record<string, string> = {}
      const mobile = s.update.mobile.trim()
      const county = s.update.county.trim()
      if (mobile) {
        const m = checkMobile(mobile)
        if (m.ok) body.mobile = m.value.number
        else fieldIssues.mobile = formatIssue(prefixIssues(['mobile'], m.issues)[0]!, locale)
      }
      if (county && county !== homeOf(s.membership)) {
        if (COUNTY.test(county)) body.home_region = { county }
        else fieldIssues.county = countyIssue
      }
      if (Object.keys(fieldIssues).length) return { state: { ...s, fieldIssues }, effects: [] }
      if (!body.mobile && !body.home_region) return { state: { ...s, fieldIssues: { mobile: en ? 'Nothing has changed' : '没有需要保存的修改' } }, effects: [] }
      return busy({ call: 'updateProfile', body, key: a.key })
    }
    case 'done': {
      const state: MemberState = { ...s, busy: false, panel: 'home', notice: a.notice, error: null, fieldIssues: {} }
      if (a.notice === 'moveSent') state.move = initialMemberState().move
      if (a.notice === 'leaveSent') state.leave = { reason: null, note: '' }
      if (a.membership) {
        state.membership = a.membership
        state.status = a.membership.status ? 'member' : 'not_member'
      }
      if (a.notice === 'updateSaved') state.update = { mobile: '', county: homeOf(state.membership) ?? '' }
      // A transfer answers with the transfer: read the membership again to show it under way.
      return { state, effects: [{ call: 'emit', name: NOTICE_EVENT[a.notice] }, ...(a.membership ? [] : [{ call: 'membership' } as MemberEffect])] }
    }
  }
}
