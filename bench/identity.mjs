// checkIdCard (full check: shape, checksum, date, region table) vs id-validator@1.3.0 isValid.
import { createRequire } from 'node:module'
import { calcIdCardCheckDigit, checkIdCard } from '@ruhui/core'
import { regionTable } from '@ruhui/core/regions'
import { fmt, goal, pairedRatio, sideBySide } from './harness.mjs'

const require = createRequire(import.meta.url)
const IdValidator = require('id-validator')
// id-validator checks the address code only when given its GB2260 table; without it
// isValid skips the region check. Give it its own table so both do the full check.
const IdValidatorGB2260 = require('id-validator/src/GB2260')

export function syntheticIdNumbers(count, seed = 1) {
  // Deterministic LCG so every run measures the same inputs.
  let x = seed
  const rand = (n) => {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    return x % n
  }
  const counties = regionTable.counties()
  const out = []
  for (let i = 0; i < count; i++) {
    const region = counties[rand(counties.length)]
    const y = 1950 + rand(55)
    const m = 1 + rand(12)
    const d = 1 + rand(28)
    const body = `${region}${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(rand(1000)).padStart(3, '0')}`
    let check = calcIdCardCheckDigit(body)
    if (i % 10 === 9) check = check === '1' ? '2' : '1' // one in ten has a wrong check character
    out.push(body + check)
  }
  return out
}

export function benchIdentity() {
  const inputs = syntheticIdNumbers(20_000)
  const options = { asOf: '2026-11-28', regions: regionTable }
  regionTable.has('110101') // parse the table before measuring
  const results = sideBySide(
    {
      'ruhui checkIdCard (shape, checksum, date, region table)': (xs) => {
        let okCount = 0
        for (let i = 0; i < xs.length; i++) if (checkIdCard(xs[i], options).ok) okCount++
        return okCount
      },
      'id-validator@1.3.0 isValid (with its GB2260 table)': (xs) => {
        // isValid memoises every answer in this.cache; a fresh instance per pass means each
        // distinct number is checked once, as in a bulk check of distinct drivers.
        const validator = new IdValidator(IdValidatorGB2260)
        let okCount = 0
        for (let i = 0; i < xs.length; i++) if (validator.isValid(xs[i])) okCount++
        return okCount
      },
    },
    inputs,
  )
  console.log(`\n## Identity: checkIdCard vs id-validator (${inputs.length} synthetic numbers, 10% with a wrong check character)`)
  const [ours, theirs] = Object.values(results)
  for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(58)} ${fmt(r.opsPerSec).padStart(9)} checks/s   (valid: ${r.checksum})`)
  const ratio = pairedRatio(ours, theirs)
  console.log(`  ratio (median of ${ours.rates.length} paired rounds): ${ratio.toFixed(1)}×`)
  goal('checkIdCard at least 10× id-validator isValid', ratio >= 10, `${ratio.toFixed(1)}×`)
}
