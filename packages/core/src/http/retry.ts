/**
 * When to retry and how long to wait: pure functions (house rule 6). Connection errors,
 * 409 lock conflicts, 429 and 5xx are retried; every POST carries an Idempotency-Key, so a
 * retry can never create a second application.
 */

export interface BackoffOptions {
  /** @default 500 */
  baseMs?: number
  /** @default 8000 */
  capMs?: number
}

/** Exponential backoff with full jitter: a random wait in [0, min(cap, base·2^attempt)). */
export function backoffDelay(attempt: number, random: () => number, { baseMs = 500, capMs = 8000 }: BackoffOptions = {}): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** attempt)
  return Math.floor(random() * ceiling)
}

/** Retry-After (seconds or an HTTP date) in ms, capped at 60 s; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const seconds = Number(value)
  let ms: number
  if (Number.isFinite(seconds)) ms = seconds * 1000
  else {
    const at = Date.parse(value)
    if (Number.isNaN(at)) return undefined
    ms = at - now
  }
  return Math.max(0, Math.min(60_000, Math.round(ms)))
}

/** Whether a response status (with the API's error code) is worth retrying. */
export function isRetryableStatus(status: number, code?: string): boolean {
  return status === 429 || status >= 500 || (status === 409 && code === 'lock_conflict')
}
