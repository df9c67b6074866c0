/**
 * A request to the host: functions cannot cross a native component's properties, so the
 * component fires an event (needtoken, needface, phonecode) and waits until the host calls
 * the matching method back (provideToken, provideFace, providePhone).
 */
export interface HostRequest<T> {
  /** Fire the event and wait for the answer (a newer request replaces an unanswered one). */
  ask(fire: () => void): Promise<T>
  /** The host's answer; an Error (or nothing) means the host could not do it. */
  answer(value: T | Error | null | undefined): boolean
}

export function createHostRequest<T>(what: string, timeoutMs = 60_000): HostRequest<T> {
  let pending: { resolve(v: T): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> } | null = null
  const settle = (fn: (p: NonNullable<typeof pending>) => void) => {
    const p = pending
    if (!p) return false
    pending = null
    clearTimeout(p.timer)
    fn(p)
    return true
  }
  return {
    ask(fire) {
      settle((p) => p.reject(new Error(`[@ruhui/weapp] ${what}: replaced by a newer request`)))
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => settle((p) => p.reject(new Error(`[@ruhui/weapp] ${what}: the host did not answer within ${timeoutMs} ms`))), timeoutMs)
        pending = { resolve, reject, timer }
        fire()
      })
    },
    answer(value) {
      return settle((p) => (value === null || value === undefined || value instanceof Error ? p.reject(value instanceof Error ? value : new Error(`[@ruhui/weapp] ${what}: the host gave nothing`)) : p.resolve(value)))
    },
  }
}
