// The driver's effort beside the app sizes (issue #18): taps and typed characters to join, counted
// tap by tap in Chromium by scripts/join-taps-e2e.test.ts (it writes .artifacts/join-taps.json) — a
// driver the platform prefilled, and one it did not. Budgets: 6 taps and nothing typed; 10 taps plus
// the name, ID number and mobile.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { goal } from './harness.mjs'

const root = new URL('..', import.meta.url).pathname
const file = join(root, '.artifacts/join-taps.json')
/** Name (3), ID number (18) and mobile (11): what the driver with nothing prefilled types. */
const NOT_PREFILLED_TYPED = 3 + 18 + 11

export function benchJoinTaps() {
  console.log('\n== The driver’s effort to join (taps and typed characters, Chromium 390×844) ==')
  if (!existsSync(file)) return console.log('  (not measured: run npx vitest run scripts/join-taps-e2e.test.ts)')
  const counts = JSON.parse(readFileSync(file, 'utf8'))
  const at = statSync(file).mtime.toISOString()
  const p = counts.prefilled
  const n = counts['not-prefilled']
  console.log(`  prefilled by the platform: ${p.taps} taps, ${p.typed} characters typed (consents and the charter included)`)
  console.log(`  nothing prefilled:         ${n.taps} taps, ${n.typed} characters typed (name, ID number, mobile)`)
  console.log(`  (measured ${at} by scripts/join-taps-e2e.test.ts)`)
  goal('prefilled driver joins in at most 6 taps, typing nothing', p.taps <= 6 && p.typed === 0, `${p.taps} taps, ${p.typed} typed`)
  goal('driver with nothing prefilled joins in at most 10 taps plus name, ID number and mobile', n.taps <= 10 && n.typed <= NOT_PREFILLED_TYPED, `${n.taps} taps, ${n.typed} typed`)
}
