// Working days for the review queue's highlight: Monday to Friday in China time, counted from the
// day after the application reached the union; public holidays and make-up days from a calendar.
import { describe, expect, it } from 'vitest'
import { waitingSince, workCalendarFrom, workingDaysSince } from '../src/domain/working-days'

const at = (s: string) => Date.parse(s)

describe('working days', () => {
  it('counts weekdays after the day of submission, in China time', () => {
    // Monday 2026-11-23 10:00 (China) → the next Monday: Tue–Fri and Mon = 5.
    expect(workingDaysSince(at('2026-11-23T10:00:00+08:00'), at('2026-11-30T09:00:00+08:00'))).toBe(5)
    expect(workingDaysSince(at('2026-11-23T10:00:00+08:00'), at('2026-12-01T09:00:00+08:00'))).toBe(6)
    // Friday evening → Saturday and Sunday do not count.
    expect(workingDaysSince(at('2026-11-27T20:00:00+08:00'), at('2026-11-29T23:00:00+08:00'))).toBe(0)
    // 23:30 UTC on Sunday is Monday in China: one working day after the Friday.
    expect(workingDaysSince(at('2026-11-27T12:00:00+08:00'), at('2026-11-29T23:30:00Z'))).toBe(1)
  })

  it('skips public holidays and counts make-up working days when the operator gives them', () => {
    const calendar = workCalendarFrom({ RUHUI_HOLIDAYS: '2026-10-01,2026-10-02,2026-10-05,2026-10-06,2026-10-07', RUHUI_WORKDAYS: '2026-10-10' })
    // 30 September (Wed) → 12 October (Mon): without a calendar 8 weekdays; with it 3 (Oct 8, 9, 12) + Saturday 10th.
    expect(workingDaysSince(at('2026-09-30T10:00:00+08:00'), at('2026-10-12T10:00:00+08:00'))).toBe(8)
    expect(workingDaysSince(at('2026-09-30T10:00:00+08:00'), at('2026-10-12T10:00:00+08:00'), calendar)).toBe(4)
    expect(() => workCalendarFrom({ RUHUI_HOLIDAYS: '2026-13-01' })).toThrow(/RUHUI_HOLIDAYS/)
    expect(() => workCalendarFrom({ RUHUI_WORKDAYS: '10/10/2026' })).toThrow(/RUHUI_WORKDAYS/)
  })

  it('flags an open application after more than five, from the driver’s latest answer; not one waiting for the driver', () => {
    const now = at('2026-12-01T09:00:00+08:00')
    expect(waitingSince({ status: 'under_review', submitted_at: '2026-11-23T02:00:00Z' }, now)).toEqual({ waiting_working_days: 6, overdue: true })
    expect(waitingSince({ status: 'under_review', submitted_at: '2026-11-24T02:00:00Z' }, now)).toEqual({ waiting_working_days: 5, overdue: false })
    expect(waitingSince({ status: 'under_review', submitted_at: '2026-11-02T02:00:00Z' }, now, '2026-11-30T02:00:00Z')).toEqual({ waiting_working_days: 1, overdue: false })
    expect(waitingSince({ status: 'needs_info', submitted_at: '2026-11-02T02:00:00Z' }, now)).toEqual({ waiting_working_days: null, overdue: false })
    expect(waitingSince({ status: 'approved', submitted_at: '2026-11-02T02:00:00Z' }, now).overdue).toBe(false)
  })
})
