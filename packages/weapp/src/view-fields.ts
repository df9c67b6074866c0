/**
 * The identity step's fields as plain data for the WXML. A field the platform filled in is shown
 * read-only in words, with one "修改" (edit) that opens it for typing (issue #18): a verified
 * driver types nothing. Codes never show: the home region is picked in words, in the picker.
 */
import { EMPLOYMENT_FORMS, type EmploymentForm, FORMS_WITH_COMPANY, type Issue, formatIssue, maskIdCard } from '@ruhui/core'
import type { FieldName, FlowState } from '@ruhui/core/flow'
import type { WeappLabels } from './labels'

type TextField = 'name' | 'idNumber' | 'mobile' | 'employerUscc' | 'plate' | 'licenseClass'
const TEXT_FIELDS: Array<{ name: TextField; type: 'text' | 'idcard' | 'number'; optional?: boolean; maxlength: number }> = [
  { name: 'name', type: 'text', maxlength: 50 },
  { name: 'idNumber', type: 'idcard', maxlength: 18 },
  { name: 'mobile', type: 'number', maxlength: 11 },
  { name: 'employerUscc', type: 'text', maxlength: 18 },
  { name: 'plate', type: 'text', optional: true, maxlength: 10 },
  { name: 'licenseClass', type: 'text', optional: true, maxlength: 4 },
]

export const messages = (issues: readonly Issue[] | undefined, locale: 'zh-CN' | 'en') => (issues || []).map((i) => formatIssue(i, locale))

/** Read-only: the platform filled it in and the driver has not tapped 修改 (the flow's `prefilled`). */
export const isReadOnly = (state: FlowState, name: FieldName): boolean => state.prefilled.includes(name) && state.fields[name] !== ''

export function fieldsView(state: FlowState, t: WeappLabels, locale: 'zh-CN' | 'en') {
  const field = (f: (typeof TEXT_FIELDS)[number]) => {
    const value = state.fields[f.name]
    const readonly = isReadOnly(state, f.name)
    return {
      name: f.name,
      type: f.type,
      maxlength: f.maxlength,
      label: t.fields[f.name] + (f.optional ? t.optional : ''),
      placeholder: t.placeholders[f.name],
      value,
      readonly,
      // The ID number read-only is shown masked (DOMAIN §6.3): the driver sees it is theirs, a bystander does not read it.
      shown: readonly && f.name === 'idNumber' ? maskIdCard(value) : value,
      errors: messages(state.fieldIssues[f.name], locale),
    }
  }
  const shown = TEXT_FIELDS.filter((f) => f.name !== 'employerUscc' || FORMS_WITH_COMPANY.includes(state.fields.employmentForm as EmploymentForm))
  const form = state.fields.employmentForm
  return {
    topFields: shown.slice(0, 3).map(field),
    moreFields: shown.slice(3).map(field),
    employment: {
      readonly: isReadOnly(state, 'employmentForm'),
      chosen: (EMPLOYMENT_FORMS as readonly string[]).includes(form) ? t.employmentForms[form as EmploymentForm] : '',
      forms: EMPLOYMENT_FORMS.map((value) => ({ value, label: t.employmentForms[value], selected: form === value })),
      errors: messages(state.fieldIssues.employmentForm, locale),
    },
  }
}
