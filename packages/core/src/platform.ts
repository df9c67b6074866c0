/**
 * Platform ports: time, randomness and timers come in here, never from globals in the
 * rest of core (house rule 4), so retries and ids are deterministic in tests.
 */
export interface Platform {
  /** Milliseconds since the epoch. */
  now(): number
  /** Uniform in [0, 1). */
  random(): number
  /** Resolve after `ms` milliseconds. */
  sleep(ms: number): Promise<void>
  /** `n` random bytes; cryptographically strong where the platform has it. */
  randomBytes(n: number): Uint8Array
}

type Globals = {
  setTimeout?: (fn: () => void, ms: number) => unknown
  crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array }
}

const g = globalThis as unknown as Globals

/** The default platform: Date.now, Math.random, setTimeout, crypto.getRandomValues when present. */
export const defaultPlatform: Platform = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms) =>
    new Promise((resolve) => {
      if (typeof g.setTimeout !== 'function') throw new Error('[@ruhui/core] no setTimeout on this platform; pass `platform.sleep`')
      g.setTimeout(resolve, ms)
    }),
  randomBytes(n) {
    const out = new Uint8Array(n)
    if (typeof g.crypto?.getRandomValues === 'function') return g.crypto.getRandomValues(out)
    for (let i = 0; i < n; i++) out[i] = Math.floor(Math.random() * 256)
    return out
  },
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz'

/** A random id with a prefix: `randomId('req', platform)` → 'req_8f3k…' (20 characters of base 36). */
export function randomId(prefix: string, platform: Platform = defaultPlatform, length = 20): string {
  const bytes = platform.randomBytes(length)
  let s = ''
  for (let i = 0; i < length; i++) s += ALPHABET[(bytes[i] as number) % 36]
  return `${prefix}_${s}`
}
