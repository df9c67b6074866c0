/** The identity step's checks: issues per field, shown only for touched fields until the driver confirms. */
import { type DriverIdentityResult, checkDriverIdentity } from '../identity/driver-identity'
import type { Issue } from '../issues'
import type { FieldName } from './types'

export interface Validation {
  result: DriverIdentityResult
  issues: Partial<Record<FieldName, Issue[]>>
}

export function validateFields(fields: Record<FieldName, string>, touched: readonly FieldName[], all: boolean, now: number): Validation {
  const shown = (f: FieldName) => all || touched.includes(f)
  const result = checkDriverIdentity(
    {
      name: fields.name,
      idNumber: fields.idNumber,
      mobile: fields.mobile,
      employmentForm: fields.employmentForm,
      employerUscc: fields.employerUscc || undefined,
      plate: fields.plate || undefined,
      licenseClass: fields.licenseClass || undefined,
    },
    { asOf: new Date(now) },
  )
  const issues: Partial<Record<FieldName, Issue[]>> = {}
  for (const i of result.ok ? [] : result.issues) {
    const f = i.path[0] as FieldName
    if (shown(f)) (issues[f] ??= []).push(i)
  }
  const { county, township } = fields
  if (shown('county') && !/^\d{6}$/.test(county)) issues.county = [{ code: county ? 'invalid_format' : 'required', path: ['county'] }]
  if (township && !(township.length === 9 && township.startsWith(county))) issues.township = [{ code: 'invalid_format', path: ['township'] }]
  return { result, issues }
}
