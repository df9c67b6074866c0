/**
 * How long an application has waited for the union, in working days (issue #16): Monday to Friday
 * in China time, counted from the day after it reached the union (submitted, or the driver's
 * latest answer to a request for information) up to today. More than five is overdue.
 *
 * Public holidays: China's statutory holidays and their make-up working days (调休) are set each
 * year by the State Council's notice, so they are not built in. Without a calendar a holiday on a
 * weekday counts as a working day: an application is highlighted a little early, never late.
 * Operators give the year's days with RUHUI_HOLIDAYS (dates off, e.g. 2026-10-01) and
 * RUHUI_WORKDAYS (weekend days worked, e.g. 2026-10-10), comma-separated.
 */
import { OPEN_STATUSES } from './applications'

export const OVERDUE_AFTER_WORKING_DAYS = 5

export interface WorkCalendar {
  /** Weekdays that are public holidays ('YYYY-MM-DD'). */
  holidays: ReadonlySet<string>
  /** Weekend days that are working days (调休). */
  workdays: ReadonlySet<string>
}

export const NO_CALENDAR: WorkCalendar = { holidays: new Set(), workdays: new Set() }

const DAY = 86_400_000
/** The China date (UTC+8) of an instant, as a day number and as 'YYYY-MM-DD'. */
const chinaDay = (ms: number) => Math.floor((ms + 8 * 3_600_000) / DAY)
const dayString = (day: number) => new Date(day * DAY).toISOString().slice(0, 10)

export function isWorkingDay(day: number, calendar: WorkCalendar): boolean {
  const date = dayString(day)
  const weekday = new Date(day * DAY).getUTCDay()
  if (calendar.workdays.has(date)) return true
  if (calendar.holidays.has(date)) return false
  return weekday !== 0 && weekday !== 6
}

/** Working days after the China date of `sinceMs`, up to and including today's. */
export function workingDaysSince(sinceMs: number, nowMs: number, calendar: WorkCalendar = NO_CALENDAR): number {
  const start = chinaDay(sinceMs)
  const today = chinaDay(nowMs)
  let n = 0
  // Counted day by day (a year is 365 steps); past two years it is overdue whatever the calendar says.
  for (let d = start + 1; d <= today && d <= start + 730; d++) if (isWorkingDay(d, calendar)) n++
  return n
}

/** The calendar from RUHUI_HOLIDAYS and RUHUI_WORKDAYS; throws naming a date that is not YYYY-MM-DD. */
export function workCalendarFrom(env: NodeJS.ProcessEnv): WorkCalendar {
  const dates = (name: 'RUHUI_HOLIDAYS' | 'RUHUI_WORKDAYS') => {
    const list = (env[name] ?? '').split(',').map((s) => s.trim()).filter(Boolean)
    for (const d of list) if (!/^\d{4}-\d{2}-\d{2}$/.test(d) || Number.isNaN(Date.parse(d))) throw new Error(`${name}: ${JSON.stringify(d)} is not a date (YYYY-MM-DD)`)
    return new Set(list)
  }
  return { holidays: dates('RUHUI_HOLIDAYS'), workdays: dates('RUHUI_WORKDAYS') }
}

/**
 * For a row of the review queue: working days waiting on the union and whether that is overdue.
 * An application waiting for the driver (needs_info) or decided is not the union's to hurry.
 */
export function waitingSince(a: { status: string; submitted_at: string }, nowMs: number, answeredAt?: string | null, calendar: WorkCalendar = NO_CALENDAR) {
  if (!OPEN_STATUSES.includes(a.status as never) || a.status === 'needs_info') return { waiting_working_days: null, overdue: false }
  const since = Math.max(Date.parse(a.submitted_at), answeredAt ? Date.parse(answeredAt) : 0)
  const days = workingDaysSince(since, nowMs, calendar)
  return { waiting_working_days: days, overdue: days > OVERDUE_AFTER_WORKING_DAYS }
}
