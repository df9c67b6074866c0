// npm run bench — every speed goal, measured side by side in one run.
import { benchIdentity } from './identity.mjs'
import { benchMatching } from './matching.mjs'
import { benchAppSizes } from './app-sizes.mjs'
import { benchJoinTaps } from './join-taps.mjs'
import { goals } from './harness.mjs'

console.log(`ruhui bench — node ${process.version}, ${new Date().toISOString()}`)
benchIdentity()
benchMatching()
benchAppSizes()
benchJoinTaps() // beside the sizes: what it costs the driver to join
const missed = goals.filter((g) => !g.ok)
console.log(`\n${goals.length - missed.length} of ${goals.length} goals met`)
if (missed.length > 0 && !process.argv.includes('--no-fail')) process.exitCode = 1
