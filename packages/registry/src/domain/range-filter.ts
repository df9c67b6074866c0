/**
 * The filter of the dashboard, the exports and the shared data: a China-date range and a region.
 * One check and one reading of China days (a day starts at 00:00 +08:00) for all three.
 */
import { Refusal } from './context'

export interface RangeFilter {
  from?: string
  to?: string
  region_prefix?: string
}

/** 'YYYY-MM-DD' that names a real day (no 2026-13-01, no 2026-02-30). */
export function isCalendarDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v
}

export function checkRangeFilter(q: Record<string, string | undefined>): RangeFilter {
  for (const k of ['from', 'to'] as const) if (q[k] !== undefined && !isCalendarDate(q[k] as string)) throw new Refusal('parameter_invalid', { param: k, message: '日期格式为 YYYY-MM-DD，且须是真实日期' })
  if (q.region_prefix !== undefined && !/^\d{2,6}$/.test(q.region_prefix)) throw new Refusal('parameter_invalid', { param: 'region_prefix', message: '地区代码为 2–6 位数字' })
  if (q.from && q.to && q.from > q.to) throw new Refusal('parameter_invalid', { param: 'to', message: '结束日期早于开始日期' })
  return { ...(q.from ? { from: q.from } : {}), ...(q.to ? { to: q.to } : {}), ...(q.region_prefix ? { region_prefix: q.region_prefix } : {}) }
}

/** The range as stored timestamps (ISO, UTC): from the first China day's start to the last one's end. */
export function chinaDayBounds(f: RangeFilter): { from?: string; to?: string } {
  return {
    ...(f.from ? { from: new Date(`${f.from}T00:00:00+08:00`).toISOString() } : {}),
    ...(f.to ? { to: new Date(`${f.to}T23:59:59.999+08:00`).toISOString() } : {}),
  }
}
