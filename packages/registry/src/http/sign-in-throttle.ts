/**
 * Throttling console sign-ins (issue #19, finding 4): guesses are counted per client address and
 * across the process (a ceiling that bounds the scrypt work whatever the addresses), here, in a
 * bounded map that forgets the least recently used bucket first, never the whole map at once; and
 * per login, normalised (trimmed, NFKC, lower case: padding a login gets no fresh bucket), in the
 * limiter every process shares (rate-limit.ts). `take` here can count the login too (perLogin).
 */

/** The login as sign-in looks it up; the throttle counts on exactly this. */
export function normaliseLogin(login: unknown): string {
  return typeof login === 'string' ? login.normalize('NFKC').trim().toLowerCase().slice(0, 64) : ''
}

/** Token buckets in a Map used as an LRU list (a Map iterates in insertion order). */
export class LruBuckets {
  private buckets = new Map<string, { tokens: number; at: number }>()
  constructor(
    private readonly now: () => number,
    readonly capacity: number,
  ) {}

  get size(): number {
    return this.buckets.size
  }

  /** Undefined when allowed; otherwise the seconds to wait. A burst of twice the rate. */
  take(key: string, perSecond: number): number | undefined {
    const now = this.now()
    const burst = perSecond * 2
    const b = this.buckets.get(key) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond)
    b.at = now
    this.buckets.delete(key) // most recently used goes last
    this.buckets.set(key, b)
    while (this.buckets.size > this.capacity) this.buckets.delete(this.buckets.keys().next().value as string)
    if (b.tokens >= 1) {
      b.tokens -= 1
      return undefined
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perSecond))
  }
}

export interface SignInRates {
  /** Attempts a second per login; 0 leaves the login to the shared limiter. @default 0 */
  perLogin: number
  /** Attempts a second per client address. @default 5 */
  perAddress: number
  /** Attempts a second for the whole process. @default 20 */
  global: number
}

export function createSignInThrottle(now: () => number, rates: SignInRates = { perLogin: 0, perAddress: 5, global: 20 }, capacity = 50_000) {
  const buckets = new LruBuckets(now, capacity)
  return {
    buckets,
    /** Undefined when this attempt may go on; otherwise the seconds to wait. Every bucket is charged. */
    take(login: unknown, address: string): number | undefined {
      const waits = [buckets.take(`address:${address}`, rates.perAddress), rates.perLogin > 0 ? buckets.take(`login:${normaliseLogin(login)}`, rates.perLogin) : undefined, buckets.take('global', rates.global)]
      const wait = Math.max(...waits.map((w) => w ?? 0))
      return wait > 0 ? wait : undefined
    },
  }
}
