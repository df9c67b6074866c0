/** A token bucket per credential (per process; several processes multiply the allowance). */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>()
  constructor(private readonly now: () => number) {}

  /** Undefined when allowed; otherwise the seconds to wait. */
  take(key: string, perSecond: number): number | undefined {
    const now = this.now()
    const burst = perSecond * 2
    const b = this.buckets.get(key) ?? { tokens: burst, at: now }
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond)
    b.at = now
    this.buckets.set(key, b)
    if (this.buckets.size > 100_000) this.buckets.clear()
    if (b.tokens >= 1) {
      b.tokens -= 1
      return undefined
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / perSecond))
  }
}
