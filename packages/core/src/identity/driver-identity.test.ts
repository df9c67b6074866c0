import { describe, expect, it } from 'vitest'
import { checkDriverIdentity, formatIssue } from '@ruhui/core'
import { regionTable } from '@ruhui/core/regions'
import { makeIdNumber } from '../../test/synthetic-ids'

const asOf = '2025-07-01'
const base = {
  name: '张三',
  idNumber: '320102198503151230',
  mobile: '13812345678',
  employmentForm: 'platform_self_employed',
}

describe('checkDriverIdentity', () => {
  it('a complete, ordinary profile passes with standard review', () => {
    const r = checkDriverIdentity({ ...base, plate: '苏A12345', trailerPlate: '苏A1234挂', licenseClass: 'A2', qualificationCertificate: '320102198503151230' }, { asOf })
    expect(r.ok).toBe(true)
    if (!r.ok) return
    expect(r.value.idCard.age).toBe(40)
    expect(r.value.plate?.kind).toBe('ordinary')
    expect(r.value.trailerPlate?.kind).toBe('trailer')
    expect(r.value.license?.classes).toEqual(['A2'])
    expect(r.eligibility).toEqual({ eligible: true, minor: false, review: 'standard', reasons: [] })
    expect(r.warnings).toEqual([])
  })

  it('every bad field is reported at its own path, all at once', () => {
    const r = checkDriverIdentity(
      { name: '王·', idNumber: '320102198503151231', mobile: '12012345678', employmentForm: 'boss', plate: '苏AI2345', employerUscc: '91320100MA1XY81290', trailerPlate: '苏A12345', licenseClass: 'Q9' },
      { asOf },
    )
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['idNumber', 'invalid_checksum'],
      ['name', 'invalid_name_dot'],
      ['mobile', 'invalid_format'],
      ['employmentForm', 'invalid_enum'],
      ['employerUscc', 'invalid_checksum'],
      ['plate', 'invalid_plate_letter'],
      ['trailerPlate', 'not_a_trailer_plate'],
      ['licenseClass', 'unknown_license_class'],
    ])
    expect(r.eligibility).toBeUndefined()
  })

  it('missing required fields', () => {
    const r = checkDriverIdentity({}, { asOf })
    expect(!r.ok && r.issues.map((i) => `${i.path.join('.')}:${i.code}`)).toEqual(['idNumber:required', 'name:required', 'mobile:required', 'employmentForm:required'])
    expect(checkDriverIdentity(null).ok).toBe(false)
    expect(checkDriverIdentity('张三').ok).toBe(false)
  })

  it('under 16: not eligible (an error), with the eligibility facts', () => {
    const r = checkDriverIdentity({ ...base, idNumber: '320506201001010018' }, { asOf })
    expect(r.ok).toBe(false)
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(['age_below_working_age'])
    expect(r.eligibility).toMatchObject({ eligible: false })
    expect(formatIssue((r as { issues: Parameters<typeof formatIssue>[0][] }).issues[0]!)).toBe('未满 16 周岁暂不能申请入会')
  })

  it('16–17: a minor, allowed, manual review', () => {
    const r = checkDriverIdentity({ ...base, idNumber: '320506200806300042' }, { asOf })
    expect(r.ok).toBe(true)
    expect(r.eligibility).toMatchObject({ eligible: true, minor: true, review: 'manual' })
    expect(r.warnings.map((w) => w.code)).toEqual(['minor_applicant'])
  })

  it('permit holders and employer-owners go to manual review; the switch turns the first off', () => {
    const hk = checkDriverIdentity({ ...base, idNumber: '81000019880808011X' }, { asOf })
    expect(hk.eligibility?.review).toBe('manual')
    expect(hk.warnings.map((w) => w.code)).toEqual(['document_needs_review'])
    expect(checkDriverIdentity({ ...base, idNumber: '81000019880808011X' }, { asOf, manualReviewForNonResidents: false }).eligibility?.review).toBe('standard')
    const boss = checkDriverIdentity({ ...base, employmentForm: 'owner_operator_employer' }, { asOf })
    expect(boss.eligibility?.review).toBe('manual')
    expect(boss.warnings.map((w) => `${w.path.join('.')}:${w.code}`)).toEqual(['employmentForm:employment_needs_review'])
  })

  it('foreign permanent residents give their Latin name', () => {
    const r = checkDriverIdentity({ ...base, name: 'Ivanov Ivan', idNumber: '932840198001010018' }, { asOf })
    expect(r.ok && r.value.name.name).toBe('IVANOV IVAN')
  })

  it('warnings from fields keep their paths: licence age, certificate, old region code', () => {
    const r = checkDriverIdentity(
      { ...base, idNumber: makeIdNumber('342622', '19600101'), licenseClass: 'B2', qualificationCertificate: '320102198503151230' },
      { asOf, regions: regionTable },
    )
    expect(r.ok).toBe(true)
    expect(r.warnings.map((w) => `${w.path.join('.')}:${w.code}`)).toEqual([
      'idNumber:region_not_in_table',
      'licenseClass:license_age_cap',
      'qualificationCertificate:qualification_certificate_mismatch',
    ])
    const odd = checkDriverIdentity({ ...base, qualificationCertificate: 'QC-12' }, { asOf })
    expect(odd.warnings.map((w) => w.code)).toEqual(['qualification_certificate_format_unknown'])
  })
})
