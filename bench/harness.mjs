// Side-by-side measurement: candidates run in interleaved rounds in one process on the
// same inputs, so machine noise hits them alike. Reports the median rate over rounds.

/**
 * @param {Record<string, (inputs: any[]) => number>} candidates each runs once over all inputs, returns a checksum
 * @param {any[]} inputs
 * @param {{ rounds?: number, minMs?: number }} [opts]
 * @returns {Record<string, { opsPerSec: number, checksum: number, rates: number[] }>}
 *   `rates[r]` is round r's rate; rounds alternate the order, so `pairedRatio` can compare
 *   candidates within each round (this machine is a VM whose speed drifts for seconds at a time).
 */
export function sideBySide(candidates, inputs, { rounds = 21, minMs = 60 } = {}) {
  const names = Object.keys(candidates)
  const rates = Object.fromEntries(names.map((n) => [n, []]))
  const checksums = {}
  for (const n of names) checksums[n] = candidates[n](inputs) // warm-up
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 === 0 ? names : [...names].reverse()
    for (const n of order) {
      let ops = 0
      const start = performance.now()
      let elapsed = 0
      do {
        candidates[n](inputs)
        ops += inputs.length
        elapsed = performance.now() - start
      } while (elapsed < minMs)
      rates[n].push((ops / elapsed) * 1000)
    }
  }
  return Object.fromEntries(names.map((n) => [n, { opsPerSec: median(rates[n]), checksum: checksums[n], rates: rates[n] }]))
}

/** Median over rounds of a.rate / b.rate measured in the same round. */
export function pairedRatio(a, b) {
  return median(a.rates.map((rate, i) => rate / b.rates[i]))
}

/** Time one call, in milliseconds (median of `times` runs). */
export function timeOnce(fn, times = 5) {
  const samples = []
  for (let i = 0; i < times; i++) {
    const start = performance.now()
    fn()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

export const fmt = (n) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} M` : n >= 1e3 ? `${(n / 1e3).toFixed(1)} k` : n.toFixed(1))

/** Print a goal line and remember misses for the exit code. */
export const goals = []
export function goal(label, ok, detail) {
  goals.push({ label, ok })
  console.log(`  ${ok ? 'MET ' : 'MISSED'}  ${label} — ${detail}`)
}
