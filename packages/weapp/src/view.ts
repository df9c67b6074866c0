/**
 * The flow's state as plain data for the WXML: words resolved, issues formatted, choices
 * marked. No rule lives here; every decision (checks, what is offered) comes from core.
 */
import { EMPLOYMENT_FORMS, formatIssue, type Issue, type EmploymentForm, FORMS_WITH_COMPANY } from '@ruhui/core'
import { DEFAULT_CONSENT_TEXTS, type FieldName, type FlowState, awaitsUnion, unionChoices, unionContactOf } from '@ruhui/core/flow'
import type { WeappLabels } from './labels'

type TextField = Exclude<FieldName, 'employmentForm' | 'county' | 'homeParkId'>
const TEXT_FIELDS: Array<{ name: TextField; type: 'text' | 'idcard' | 'number'; optional?: boolean; maxlength: number }> = [
  { name: 'name', type: 'text', maxlength: 50 },
  { name: 'idNumber', type: 'idcard', maxlength: 18 },
  { name: 'mobile', type: 'number', maxlength: 11 },
  { name: 'employerUscc', type: 'text', maxlength: 18 },
  { name: 'township', type: 'number', optional: true, maxlength: 9 },
  { name: 'plate', type: 'text', optional: true, maxlength: 10 },
  { name: 'licenseClass', type: 'text', optional: true, maxlength: 4 },
]

export interface ViewOptions {
  labels: WeappLabels
  locale: 'zh-CN' | 'en'
  /** The host answers `phonecode` (weapp) or configured a phone result (plugin). */
  phone: boolean
  face: boolean
}

const messages = (issues: readonly Issue[] | undefined, locale: 'zh-CN' | 'en') => (issues ?? []).map((i) => formatIssue(i, locale))

export function toView(state: FlowState, o: ViewOptions) {
  const t = o.labels
  const field = (f: (typeof TEXT_FIELDS)[number]) => ({ ...f, label: t.fields[f.name] + (f.optional ? t.optional : ''), placeholder: t.placeholders[f.name], value: state.fields[f.name], errors: messages(state.fieldIssues[f.name], o.locale) })
  const shown = TEXT_FIELDS.filter((f) => f.name !== 'employerUscc' || FORMS_WITH_COMPANY.includes(state.fields.employmentForm as EmploymentForm))
  const picker = state.regionPicker
  const match = state.match
  const { choices, assigning } = unionChoices(match)
  const result = state.result
  const app = result && result.application
  const texts = DEFAULT_CONSENT_TEXTS
  return {
    step: state.step,
    busy: state.busy,
    finished: state.finished,
    online: state.online,
    error: state.error ? state.error.message : '',
    services: { members: state.services.filter((s) => s.members_only), open: state.services.filter((s) => !s.members_only) },
    consents: [texts.sensitive, texts.share].map((c) => ({ title: c.title, body: c.body, version: c.version })),
    partners: texts.partners ? { title: texts.partners.title, body: texts.partners.body, selected: state.consent.shareWithPartners } : null,
    topFields: shown.slice(0, 3).map(field),
    moreFields: shown.slice(3).map(field),
    employmentForms: EMPLOYMENT_FORMS.map((value) => ({ value, label: t.employmentForms[value], selected: state.fields.employmentForm === value })),
    employmentErrors: messages(state.fieldIssues.employmentForm, o.locale),
    county: {
      chosen: state.countyLabel ? [state.countyLabel, state.townshipLabel].filter(Boolean).join(' ') : t.chooseRegion,
      code: state.fields.county,
      errors: messages(state.fieldIssues.county, o.locale),
      picker: { open: picker.open, loading: picker.loading, back: t.regionBack + (picker.path.length ? `：${picker.path.map((r) => r.name).join(' ')}` : ''), canSkip: picker.path.length > 0 && picker.path[picker.path.length - 1]!.level === 'county' && !picker.loading, items: picker.items.map((r) => ({ code: r.code, name: r.name })) },
    },
    parks: state.parks.length ? [...state.parks.map((p) => ({ id: p.id, name: p.name })), { id: '', name: t.parkNone }].map((p) => ({ ...p, selected: state.fields.homeParkId === p.id })) : [],
    contact: contactView(state),
    mobileVerified: Boolean(state.verification.mobileVerifiedAt),
    canPhone: o.phone && !state.verification.mobileVerifiedAt,
    canFace: o.face,
    faceVerified: Boolean(state.verification.faceVerifiedAt),
    unionLead: assigning ? t.assignerNote : t.unionLead,
    unions: choices.map((u) => ({ ...u, selected: state.selectedOrgId === u.id })),
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
  return found ? { name: found.name, phone: found.contact.phone ?? '', address: found.contact.address ?? '', hours: found.contact.hours ?? '' } : null
}
