// matchUnion on the sample pilot directory and on a synthetic 100,000-organisation directory,
// index build time, and the indexes against a plain linear scan — side by side in one run.
import { createDirectory, matchUnion } from '@ruhui/core/matching'
import sampleDirectory from '@ruhui/sample-directory'
import { matchUnionLinear } from '../packages/core/test/linear-scan-matcher.mjs'
import { allTownships, syntheticDirectory, syntheticDrivers } from './synthetic-directory.mjs'
import { fmt, goal, median, pairedRatio, sideBySide } from './harness.mjs'

const asOf = '2026-11-28'

export function benchMatching() {
  console.log('\n## Matching: matchUnion on the sample directory and on 100,000 organisations')
  const pilotTownships = allTownships.filter((t) => t.provinceCode === '32' || t.provinceCode === '34')
  const sample = createDirectory(sampleDirectory)
  const platforms = sampleDirectory.platforms
  const sampleDrivers = syntheticDrivers(5_000, pilotTownships, { platforms: platforms.map((p) => p.id), headEnterprises: platforms.map((p) => p.uscc) })

  const { orgs, employers, headEnterprises } = syntheticDirectory(100_000)
  const times = { validate: [], trusted: [] }
  let big
  for (let i = 0; i < 3; i++) {
    let t = performance.now()
    big = createDirectory(orgs)
    times.validate.push(performance.now() - t)
    t = performance.now()
    createDirectory(big.orgs, { trusted: true })
    times.trusted.push(performance.now() - t)
  }
  const bigDrivers = syntheticDrivers(5_000, allTownships, { employers, headEnterprises, platforms: ['P-A', 'P-B', 'P-C', 'P-D', 'P-E'] })

  const run = (directory) => (drivers) => {
    let n = 0
    for (let i = 0; i < drivers.length; i++) n += matchUnion(directory, drivers[i], { asOf }).candidates.length
    return n
  }
  // Same count of drivers each; each candidate runs over its own drivers (the harness gives each the same array,
  // so pair them by index: candidate A uses sample drivers, B the national ones).
  const pairs = sampleDrivers.map((d, i) => [d, bigDrivers[i]])
  const results = sideBySide(
    {
      'sample directory (3,690 orgs)': (xs) => run(sample)(xs.map((p) => p[0])),
      'synthetic directory (100,000 orgs)': (xs) => run(big)(xs.map((p) => p[1])),
    },
    pairs,
  )
  const [small, large] = Object.values(results)
  for (const [name, r] of Object.entries(results)) console.log(`  ${name.padEnd(40)} ${fmt(r.opsPerSec).padStart(9)} matches/s`)
  const growth = pairedRatio(small, large) // time per match at 100k / time per match on the sample
  goal('100k time per match within 2× the sample', growth <= 2, `${growth.toFixed(2)}×`)
  console.log(`  createDirectory(100k), validating every entry with zod/mini + building indexes: ${median(times.validate).toFixed(0)} ms`)
  const build = median(times.trusted)
  goal('building the 100k index under 1 s', build < 1000, `${build.toFixed(0)} ms (entries validated before, as the registry's stored rows are)`)

  // The indexes against a plain linear scan, on the same 100k directory and the same drivers.
  const few = bigDrivers.slice(0, 60)
  const config = { tiers: ['enterprise', 'head_enterprise_federation', 'industry', 'platform', 'park', 'territorial'], maxCandidates: 5, asOf }
  const vs = sideBySide(
    {
      'matchUnion (indexes)': (xs) => run(big)(xs),
      'linear scan (test/linear-scan-matcher.mjs)': (xs) => {
        let n = 0
        for (const d of xs) n += matchUnionLinear(big.orgs, d, config).candidates.length
        return n
      },
    },
    few,
    { rounds: 7, minMs: 100 },
  )
  const [indexed, linear] = Object.values(vs)
  if (indexed.checksum !== linear.checksum) throw new Error(`indexed and linear disagree: ${indexed.checksum} vs ${linear.checksum} candidates`)
  for (const [name, r] of Object.entries(vs)) console.log(`  ${name.padEnd(44)} ${fmt(r.opsPerSec).padStart(9)} matches/s at 100k`)
  const speedup = pairedRatio(indexed, linear)
  goal('indexes at least 50× a linear scan at 100k', speedup >= 50, `${speedup.toFixed(0)}×`)
}
