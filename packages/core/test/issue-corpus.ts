// Bad inputs that, together, make the checkers produce every issue code (errors,
// warnings and eligibility reasons). The messages test holds the tables to it.
import {
  type Issue,
  checkDriverIdentity,
  checkIdCard,
  checkLicenseClass,
  checkMobile,
  checkPersonName,
  checkPlate,
  checkUscc,
} from '@ruhui/core'
import { regionTable } from '@ruhui/core/regions'
import { type MatchInput, checkDirectory, checkMatchingConfig, createDirectory, defineMatchingConfig, matchUnion } from '@ruhui/core/matching'
import { PLATFORM_JIA_USCC, SUZHOU_TRANSPORT_USCC, org, uscc, workedExampleOrgs, NANJING_HAULIER_USCC } from './directory-fixtures'
import { makeIdNumber } from './synthetic-ids'
import { recommendation } from '../src/server/organisation-match-wire'

export function collectIssueCodes(): Map<string, Issue> {
  const asOf = '2025-07-01'
  const results = [
    checkIdCard(undefined),
    checkIdCard(42),
    checkIdCard('1'.repeat(100)),
    checkIdCard('320102850315123'),
    checkIdCard('32010219850315123Z'),
    checkIdCard('320102198503151231', { asOf }),
    checkIdCard('320102198502301233', { asOf }),
    checkIdCard('320102203001011231', { asOf }),
    checkIdCard('720102198503151235', { asOf }),
    checkIdCard(makeIdNumber('320102', '18991231'), { asOf }),
    checkIdCard(makeIdNumber('342622', '19650808'), { asOf, regions: regionTable }),
    checkMobile('17912345678'),
    checkPlate('沪AI2345'),
    checkPlate('XA12345'),
    checkUscc('81320102MC1A2B3C3'),
    checkUscc('81320102MC1A2B3CO0'),
    checkUscc('B1320102MC1A2B3C30'),
    checkUscc('8132A102MC1A2B3C30'),
    checkPersonName('Zhang'),
    checkPersonName('王·'),
    checkPersonName('王'),
    checkPersonName('王'.repeat(51)),
    checkLicenseClass('Q'),
    checkLicenseClass('B2', { age: 19 }),
    checkLicenseClass('B2', { age: 61 }),
  ]
  const profiles = [
    checkDriverIdentity({ name: '张三', idNumber: '320506201001010018', mobile: '13812345678', employmentForm: 'x', trailerPlate: '苏A12345' }, { asOf }),
    checkDriverIdentity({ name: '张三', idNumber: '81000019880808011X', mobile: '13812345678', employmentForm: 'other', qualificationCertificate: 'x' }, { asOf }),
    checkDriverIdentity({ name: '张三', idNumber: '320506200806300042', mobile: '13812345678', employmentForm: 'employee', qualificationCertificate: '320102198503151230' }, { asOf }),
  ]
  const good = workedExampleOrgs()
  const x = org({ id: 'org_x', name: '甲', type: 'freight_committee', level: 'county', regionCode: '320115' })
  const directories = [
    checkDirectory({ format: 'x' }),
    checkDirectory({ format: 'ruhui-directory', version: 9 }),
    checkDirectory([good[0], { ...good[1], id: 'org_o1' }, { ...good[2], colour: 1 }, { ...good[4], townshipCode: '320115001' }]),
    checkDirectory([{ ...x, validFrom: '2025-02-01', validTo: '2025-01-01' }, { ...x, id: 'org_y', parentId: 'org_none' }]),
    checkDirectory([{ ...x, parentId: 'org_y' }, { ...x, id: 'org_y', parentId: 'org_x' }]),
    checkDirectory([{ ...x, uscc: uscc('91320115MA0000001') }]),
    checkDirectory({ format: 'ruhui-directory', version: 1, organisations: [], parks: [{ id: 'P-1', name: '园', county: '320115' }, { id: 'P-1', name: '园', county: '320115' }] }),
    checkMatchingConfig({ version: 'v', tiers: ['industry', 'industry'], minAge: 99 }),
  ]
  const dir = createDirectory([
    ...good,
    org({ id: 'org_pk', name: '园', type: 'park_union', level: 'county', regionCode: '320115', coverage: { regionPrefixes: ['320115'], parkIds: ['PARK-1'] } }),
    org({ id: 'org_pu', name: '台', type: 'platform_union', level: 'county', regionCode: '320115', coverage: { regionPrefixes: ['320115'], platformIds: ['P-1'] } }),
  ])
  const m = (d: Partial<MatchInput>, tiers?: MatchInput extends never ? never : Parameters<typeof defineMatchingConfig>[0]['tiers']) =>
    matchUnion(dir, { employmentForm: 'platform_self_employed', baseRegion: { county: '320115' }, ...d }, { asOf, includeAlternatives: true, ...(tiers ? { config: defineMatchingConfig({ version: 'c', tiers, pilotRegionPrefixes: ['32', '34'] }) } : {}) })
  const matches = [
    m({ employmentForm: 'employee', employerUscc: SUZHOU_TRANSPORT_USCC, platformUscc: PLATFORM_JIA_USCC, platformId: 'P-1', homeParkId: 'PARK-1', baseRegion: { county: '320506' } }),
    m({ platformUscc: PLATFORM_JIA_USCC, platformId: 'P-1', homeParkId: 'PARK-1' }),
    m({}, ['park']),
    m({ baseRegion: { county: '341302', township: '341302001' } }),
    m({ baseRegion: { county: '341321' } }),
    m({ baseRegion: { county: '330106' } }, ['industry']),
    m({ existingMembership: { orgId: 'org_o6', status: 'active' } }),
    m({ employmentForm: 'employee', employerUscc: SUZHOU_TRANSPORT_USCC, baseRegion: { county: '320506' }, existingMembership: { orgId: 'org_o6', status: 'active' } }),
    m({ employmentForm: 'affiliated', employerUscc: NANJING_HAULIER_USCC }),
    matchUnion(createDirectory([]), { employmentForm: 'platform_self_employed', baseRegion: { county: '320115' } }, { asOf }),
  ]
  const out = new Map<string, Issue>()
  for (const r of [...directories]) for (const i of [...(r.ok ? [] : r.issues), ...r.warnings]) if (!out.has(i.code)) out.set(i.code, i)
  for (const r of matches) {
    for (const i of [...r.reasons, ...[...r.candidates, ...r.alternatives].flatMap((c) => c.reasons)]) if (!out.has(i.code)) out.set(i.code, i)
  }
  // Why the first union is recommended, for each way it can outrank the second.
  const first = matches.flatMap((r) => r.candidates).find((c) => c.level === 'county')
  if (first) {
    const pairs = [
      undefined,
      { ...first, type: first.type === 'township_union' ? 'park_union' : 'township_union' },
      { ...first, specificity: first.specificity + 1 },
      { ...first, level: 'prefecture' },
      { ...first },
    ] as const
    for (const second of pairs) {
      const i = recommendation(first, second as typeof first | undefined)
      if (!out.has(i.code)) out.set(i.code, i)
    }
  }
  for (const r of [...results, ...profiles]) {
    for (const i of [...(r.ok ? [] : r.issues), ...r.warnings, ...('eligibility' in r && r.eligibility ? r.eligibility.reasons : [])]) {
      if (!out.has(i.code)) out.set(i.code, i)
    }
  }
  return out
}
