// What the platform already verified about its driver, passed to the registry with the join session
// (`prefill`) and to its own app, so that the join flow shows it read-only (issue #18): the driver types
// nothing the platform knows. A real platform reads its real-name records here; the demo makes a
// synthetic verified driver from the driver's id (ID number built with a computed check digit).
import { calcIdCardCheckDigit } from '@ruhui/core'
import { toChinaTime } from '@ruhui/core/contract'

/** Demo drivers whose id starts with this have not passed the platform's real-name check: no prefill. */
export const UNVERIFIED_PREFIX = 'new'

const NAMES = ['王建国', '李志强', '张卫东', '刘海涛', '陈国平', '杨春生', '赵德明', '黄永强']

/** A small stable number from the driver's id, to vary the synthetic record. */
function seed(id) {
  let h = 0
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0
  return h
}

/**
 * The demo platform's verified record of a driver, as the session's `prefill` (the wire shape of
 * `joinSessions.create`), or null when the platform has not verified this driver.
 * @param {string} driverId
 * @param {Date} [now]
 */
export function demoPrefill(driverId, now = new Date()) {
  if (driverId.startsWith(UNVERIFIED_PREFIX)) return null
  const h = seed(driverId)
  // Born 1970–1995 in 合肥市肥西县 (the address code says where the number was issued, not where the driver works).
  const birth = `${1970 + (h % 26)}${String(1 + ((h >>> 5) % 12)).padStart(2, '0')}${String(1 + ((h >>> 9) % 28)).padStart(2, '0')}`
  const body = `340123${birth}${String(100 + ((h >>> 13) % 800)).padStart(3, '0')}`
  return {
    name: NAMES[h % NAMES.length],
    id_number: body + calcIdCardCheckDigit(body),
    mobile: `139${String(h % 100_000_000).padStart(8, '0')}`,
    employment_form: 'platform_self_employed',
    base_region: { county: '340123', township: '340123101' },
    plate: `皖A${String(10_000 + (h % 90_000))}`,
    verified: { method: 'platform_realname', verified_at: toChinaTime(now.getTime()) },
  }
}
