// Events out, methods back: a request to the host resolves with the host's answer, fails when the
// host gives nothing or never answers, and a newer request replaces an unanswered one.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHostRequest } from '../src/host-request'

afterEach(() => void vi.useRealTimers())

describe('createHostRequest', () => {
  it('fires the event, then resolves with what the host calls back', async () => {
    const r = createHostRequest<string>('needtoken')
    const fired: string[] = []
    const p = r.ask(() => fired.push('needtoken'))
    expect(fired).toEqual(['needtoken'])
    expect(r.answer('jt_fresh')).toBe(true)
    await expect(p).resolves.toBe('jt_fresh')
    expect(r.answer('late')).toBe(false) // nothing is waiting any more
  })

  it('null, undefined or an Error from the host fails the request with a prefixed message', async () => {
    const r = createHostRequest<string>('needtoken')
    const p = r.ask(() => undefined)
    r.answer(null)
    await expect(p).rejects.toThrow('[@ruhui/weapp] needtoken: the host gave nothing')
    const q = r.ask(() => undefined)
    r.answer(new Error('backend down'))
    await expect(q).rejects.toThrow('backend down')
  })

  it('a host that never answers fails after the timeout; a newer request replaces an unanswered one', async () => {
    vi.useFakeTimers()
    const r = createHostRequest<string>('phonecode', 1000)
    const first = r.ask(() => undefined)
    const second = r.ask(() => undefined)
    await expect(first).rejects.toThrow('replaced by a newer request')
    vi.advanceTimersByTime(1001)
    await expect(second).rejects.toThrow('did not answer within 1000 ms')
  })
})
