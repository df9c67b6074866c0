/**
 * The flow's state as plain data for the WXML: words resolved, issues formatted, choices
 * marked. No rule lives here; every decision (checks, what is offered, the texts) comes from core.
 */
import { type FlowState, awaitsUnion, unionContactOf } from '@ruhui/core/flow'
import type { WeappLabels } from './labels'
import { fieldsView } from './view-fields'
import { placeView } from './view-region-picker'
import { consentsView, unionsView } from './view-union'

export interface ViewOptions {
  labels: WeappLabels
  locale: 'zh-CN' | 'en'
  /** The host answers `phonecode` (weapp) or configured a phone result (plugin). */
  phone: boolean
  face: boolean
}

export function toView(state: FlowState, o: ViewOptions) {
  const t = o.labels
  const result = state.result
  const app = result && result.application
  const mobileReadOnly = state.prefilled.includes('mobile')
  const fields = fieldsView(state, t, o.locale)
  const unions = unionsView(state, t, o.locale)
  return {
    step: state.step,
    busy: state.busy,
    finished: state.finished,
    online: state.online,
    error: state.error ? state.error.message : '',
    services: { members: state.services.filter((s) => s.members_only), open: state.services.filter((s) => !s.members_only) },
    consents: consentsView(state, o.locale),
    verified: state.prefillVerified,
    topFields: fields.topFields,
    moreFields: fields.moreFields,
    employment: fields.employment,
    county: placeView(state, t, o.locale),
    parks: state.parks.length ? state.parks.map((p) => ({ id: p.id, name: p.name })).concat({ id: '', name: t.parkNone }).map((p) => ({ id: p.id, name: p.name, selected: state.fields.homeParkId === p.id })) : [],
    contact: contactView(state),
    mobileVerified: Boolean(state.verification.mobileVerifiedAt),
    canPhone: o.phone && !state.verification.mobileVerifiedAt && !mobileReadOnly,
    canFace: o.face,
    faceVerified: Boolean(state.verification.faceVerifiedAt),
    lead: unions.lead,
    unions: unions.unions,
    result: result
      ? {
          kind: result.kind,
          title: t.results[result.kind].title,
          body: t.results[result.kind].body,
          org: (app && app.org_name) || '',
          reason: app && app.status_reason && (result.kind === 'needs_info' || result.kind === 'rejected') ? app.status_reason.message : '',
          card: (app && app.member_card && app.member_card.number) || '',
          waiting: awaitsUnion(result.kind),
          canVolunteer: Boolean(app) && result.kind !== 'rejected',
          canTransfer: result.kind === 'transfer_required' && !state.finished,
        }
      : null,
    volunteered: state.volunteered,
  }
}

export type FlowView = ReturnType<typeof toView>

/** The union's phone, address and hours (the chosen union, or the one that will assign), or null. */
function contactView(state: FlowState) {
  const found = unionContactOf(state)
  return found ? { name: found.name, phone: found.contact.phone || '', address: found.contact.address || '', hours: found.contact.hours || '' } : null
}
