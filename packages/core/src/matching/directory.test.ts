import { describe, expect, it } from 'vitest'
import { ValidationError } from '@ruhui/core'
import { checkDirectory, createDirectory, formatDirectoryIssue } from '@ruhui/core/matching'
import { org, uscc, workedExampleOrgs } from '../../test/directory-fixtures'

const issuesOf = (input: unknown) => {
  const r = checkDirectory(input)
  return r.ok ? [] : r.issues.map((i) => `${i.path.join('.')}:${i.code}`)
}

describe('checkDirectory', () => {
  it('accepts the worked-example directory, as an array or as a directory file', () => {
    const orgs = workedExampleOrgs()
    const r = checkDirectory(orgs)
    expect(r.ok && r.value.orgs.length).toBe(orgs.length)
    expect(r.ok && r.value.provinces).toEqual(['32', '34'])
    const file = checkDirectory({ format: 'ruhui-directory', version: 1, sample: true, organisations: orgs })
    expect(file.ok && file.value.sample).toBe(true)
  })

  it('names the entry and the field of each problem', () => {
    const good = workedExampleOrgs()
    const bad = [
      good[0],
      { ...good[1], type: 'trade_union', coverage: { regionPrefixes: ['320'] } },
      { ...good[2], uscc: '81340100MC00000010' },
      { ...good[4], townshipCode: '320115001' },
      { ...good[5], id: 'org_o1' },
      { ...good[3], colour: 'red' },
      { ...good[3], id: 'org_p', name: '' },
    ]
    expect(issuesOf(bad)).toEqual([
      '1.type:invalid_enum',
      '1.coverage.regionPrefixes.0:invalid_format',
      '2.uscc:invalid_checksum',
      '3.townshipCode:code_mismatch',
      '4.id:duplicate_org_id',
      '5:unknown_field',
      '6.name:required',
    ])
    const r = checkDirectory(bad)
    const words = r.ok ? [] : r.issues.map((i) => formatDirectoryIssue(i))
    expect(words[2]).toBe('第 3 条（org_o3）：统一社会信用代码校验位不正确，请逐位核对')
    expect(words[3]).toBe('第 4 条（org_o5）：乡镇（街道）代码应以上级代码 341302 开头')
    expect(formatDirectoryIssue((r as unknown as { issues: Parameters<typeof formatDirectoryIssue>[0][] }).issues[0]!, 'en')).toBe('Entry 2 (org_o2): Choose one of the options for organisation type')
  })

  it('rules that need more than a field: kinds, parents, dates', () => {
    const base = org({ id: 'org_x', name: '甲', type: 'freight_committee', level: 'county', regionCode: '320115' })
    expect(issuesOf([{ ...base, type: 'township_union' }])).toEqual(['0.townshipCode:required'])
    expect(issuesOf([{ ...base, type: 'village_union', townshipCode: '320115001' }])).toEqual(['0.villageCode:required'])
    expect(issuesOf([{ ...base, type: 'enterprise_union' }])).toEqual(['0.coverage.employerUsccs:required'])
    expect(issuesOf([{ ...base, type: 'platform_union' }])).toEqual(['0.coverage.platformIds:required'])
    expect(issuesOf([{ ...base, coverage: { regionPrefixes: [] } }])).toEqual(['0.coverage.regionPrefixes:required'])
    expect(issuesOf([{ ...base, validFrom: '2025-02-01', validTo: '2025-01-01' }])).toEqual(['0.validTo:invalid_validity_range'])
    expect(issuesOf([{ ...base, parentId: 'org_nowhere' }])).toEqual(['0.parentId:unknown_parent'])
    expect(issuesOf([{ ...base, parentId: 'org_y' }, { ...base, id: 'org_y', parentId: 'org_x' }])).toEqual(['0.parentId:parent_cycle', '1.parentId:parent_cycle'])
    expect(issuesOf([{ ...base, coverage: { regionPrefixes: ['32'], employerUsccs: ['91320100MA1XY81290'] } }])).toEqual(['0.coverage.employerUsccs.0:invalid_checksum'])
  })

  it('a grassroots union whose credit code is not a union code is a warning', () => {
    const r = checkDirectory([org({ id: 'org_x', name: '甲', type: 'freight_committee', level: 'county', regionCode: '320115', uscc: uscc('91320115MA0000001') })])
    expect(r.ok).toBe(true)
    expect(r.warnings.map((w) => w.code)).toEqual(['grassroots_uscc_not_union'])
  })

  it('not a directory at all', () => {
    expect(issuesOf(null)).toEqual(['organisations:invalid_type'])
    expect(issuesOf({ format: 'other' })).toEqual(['format:invalid_directory_format'])
    expect(issuesOf({ format: 'ruhui-directory', version: 2, organisations: [] })).toEqual(['version:unsupported_directory_version'])
    expect(issuesOf([42])).toEqual(['0:invalid_type'])
  })

  it('createDirectory throws a ValidationError carrying the issues', () => {
    expect(() => createDirectory([{ id: 'bad' } as never])).toThrow(ValidationError)
  })

  it('trusted entries (validated before, e.g. stored rows) only get their indexes built', () => {
    const orgs = workedExampleOrgs()
    const trusted = createDirectory(orgs, { trusted: true })
    const checked = createDirectory(orgs)
    expect(trusted.orgs).toEqual(checked.orgs)
    expect(trusted.provinces).toEqual(checked.provinces)
    expect(trusted.index.get('industry', '3201')).toEqual(checked.index.get('industry', '3201'))
    expect(() => createDirectory([orgs[0]!, orgs[0]!], { trusted: true })).toThrow(/duplicate_org_id/)
  })

  it('stops collecting after 200 issues on a hopeless file', () => {
    const r = checkDirectory(Array.from({ length: 1000 }, () => ({ id: 1 })))
    expect(!r.ok && r.issues.length).toBe(200)
  })
})
