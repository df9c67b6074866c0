/**
 * Dates as 'YYYY-MM-DD' strings in China Standard Time (UTC+8), as DOMAIN.md asks:
 * validators never read the clock except through `todayInChina()` when the caller
 * passes no `asOf`.
 */

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

/** True when y-m-d is a real Gregorian date. */
export function isRealDate(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
}

const CST_OFFSET_MS = 8 * 3600 * 1000
let cachedDay = -1
let cachedToday = ''

/** Today's date in China Standard Time, 'YYYY-MM-DD'. */
export function todayInChina(nowMs: number = Date.now()): string {
  const day = Math.floor((nowMs + CST_OFFSET_MS) / 86_400_000)
  if (day !== cachedDay) {
    const d = new Date(day * 86_400_000)
    cachedToday = `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`
    cachedDay = day
  }
  return cachedToday
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n)
}

/** Parse 'YYYY-MM-DD' into its parts, or undefined when it is not a real date. */
export function parseIsoDate(s: string): { y: number; m: number; d: number } | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined
  const y = +s.slice(0, 4)
  const m = +s.slice(5, 7)
  const d = +s.slice(8, 10)
  return isRealDate(y, m, d) ? { y, m, d } : undefined
}

/**
 * Full years of age (周岁) on `asOf`. By default a year counts from the day
 * AFTER the birthday (the Supreme People's Court convention, DOMAIN.md §5);
 * a 29 February birthday falls on 1 March in common years.
 */
export function ageOn(birth: string, asOf: string, dayAfterBirthday = true): number {
  const b = parseIsoDate(birth)
  const a = parseIsoDate(asOf)
  if (!b || !a) return Number.NaN
  return ageFromParts(b.y, b.m, b.d, a.y, a.m, a.d, dayAfterBirthday)
}

/** @internal `ageOn` on numbers already parsed (the hot path of checkIdCard). */
export function ageFromParts(by: number, bm: number, bd: number, ay: number, am: number, ad: number, dayAfterBirthday = true): number {
  let anniversaryM = bm
  let anniversaryD = bd
  if (bm === 2 && bd === 29 && !isLeapYear(ay)) {
    anniversaryM = 3
    anniversaryD = 1
  }
  const cmp = am !== anniversaryM ? am - anniversaryM : ad - anniversaryD
  let age = ay - by
  if (cmp < 0 || (cmp === 0 && dayAfterBirthday)) age -= 1
  return age
}

export interface DateParts {
  iso: string
  y: number
  m: number
  d: number
}

// The last asOf resolved: a bulk check passes the same one every time.
let lastAsOf: DateParts = { iso: '', y: 0, m: 0, d: 0 }

/** @internal Resolve the `asOf` option: a 'YYYY-MM-DD' string, a Date, or today in CST. */
export function resolveAsOf(asOf: string | Date | undefined): DateParts {
  // Hot path: a bulk check passes the same string every time.
  if (typeof asOf === 'string' && asOf === lastAsOf.iso) return lastAsOf
  let iso: string
  if (asOf === undefined) iso = todayInChina()
  else if (typeof asOf === 'string') iso = asOf
  else if (asOf instanceof Date && !Number.isNaN(asOf.getTime())) iso = todayInChina(asOf.getTime())
  else throw new TypeError('[@ruhui/core] options.asOf must be a \'YYYY-MM-DD\' string or a valid Date')
  if (iso === lastAsOf.iso) return lastAsOf
  const parts = parseIsoDate(iso)
  if (parts === undefined) {
    throw new TypeError(`[@ruhui/core] options.asOf must be 'YYYY-MM-DD', got ${JSON.stringify(asOf)}`)
  }
  lastAsOf = { iso, y: parts.y, m: parts.m, d: parts.d }
  return lastAsOf
}
