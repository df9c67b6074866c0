import { describe, expect, it } from 'vitest'
import { ensureStorage } from './storage-fallback'

describe('ensureStorage', () => {
  it('keeps a working localStorage', () => {
    const real = { getItem: () => null } as unknown as Storage
    const win = { localStorage: real }
    expect(ensureStorage(win)).toBe(false)
    expect(win.localStorage).toBe(real)
  })

  it('puts a memory storage in place when reading localStorage throws (third-party frame)', () => {
    const win = {}
    Object.defineProperty(win, 'localStorage', {
      configurable: true,
      get() {
        throw new Error("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.")
      },
    })
    expect(ensureStorage(win)).toBe(true)
    const s = (win as { localStorage: Storage }).localStorage
    s.setItem('a', '1')
    expect([s.getItem('a'), s.length, s.key(0), s.getItem('b')]).toEqual(['1', 1, 'a', null])
    s.removeItem('a')
    expect(s.length).toBe(0)
  })
})
