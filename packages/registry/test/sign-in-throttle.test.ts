import { describe, expect, it } from 'vitest'
import { LruBuckets, createSignInThrottle, normaliseLogin } from '../src/http/sign-in-throttle'

describe('sign-in throttle', () => {
  it('counts a padded or re-cased login as the same login', () => {
    expect(normaliseLogin(' NJ-Admin ')).toBe('nj-admin')
    expect(normaliseLogin('ｎｊ－ａｄｍｉｎ')).toBe('nj-admin') // full-width forms (NFKC)
    let t = 0
    const throttle = createSignInThrottle(() => t, { perLogin: 2, perAddress: 100, global: 100 })
    const tries = ['nj-admin', ' nj-admin', 'NJ-ADMIN ', '\tnj-admin', 'nj-admin'].map((login, i) => throttle.take(login, `10.0.0.${i}`))
    expect(tries.slice(0, 4)).toEqual([undefined, undefined, undefined, undefined]) // a burst of four
    expect(tries[4]).toBeGreaterThanOrEqual(1)
    t += 1000
    expect(throttle.take('nj-admin', '10.0.0.9')).toBeUndefined() // two more a second
  })

  it('limits one address across logins, and everyone together', () => {
    const throttle = createSignInThrottle(() => 0, { perLogin: 100, perAddress: 2, global: 5 })
    expect([0, 1, 2, 3, 4].map((i) => throttle.take(`user${i}`, '10.0.0.1'))).toEqual([undefined, undefined, undefined, undefined, 1])
    const others = Array.from({ length: 12 }, (_, i) => throttle.take(`other${i}`, `10.0.1.${i}`))
    expect(others.filter((w) => w === undefined)).toHaveLength(10 - 5) // the global burst of ten, five already used
  })

  it('forgets the least recently used bucket first, never all at once', () => {
    const b = new LruBuckets(() => 0, 3)
    for (const k of ['a', 'b', 'c']) b.take(k, 1)
    b.take('a', 1) // a is now the most recent
    b.take('d', 1) // b goes
    expect(b.size).toBe(3)
    expect(b.take('a', 1)).toBe(1) // a kept its count: burst 2, used 3 times
    expect(b.take('b', 1)).toBeUndefined() // b was forgotten: a fresh bucket
  })
})
