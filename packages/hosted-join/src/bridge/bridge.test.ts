import { afterEach, describe, expect, it, vi } from 'vitest'
import { createBridge } from './bridge'
import type { Channel } from './channel'
import { BRIDGE_PROTOCOL, type PageMessage, parseHostMessage, returnTarget } from './protocol'

function channel(kind: Channel['kind'] = 'webkit'): Channel & { sent: PageMessage[] } {
  const sent: PageMessage[] = []
  return { kind, answers: kind !== 'none' && kind !== 'mini-program', sent, send: (m) => void sent.push(m) }
}
const TOKEN = 'jt_abcdefghijklmnopqrstuvwxyz'

afterEach(() => vi.useRealTimers())

describe('the page side of ruhui-bridge/1', () => {
  it('need_token: sent with an id, settled by the host answer with that id (object or JSON text)', async () => {
    const c = channel()
    const b = createBridge({ sessionId: 'jsess_1', channel: c, returnUrl: () => null, navigate: () => undefined, newId: () => 'r1' })
    const asked = b.request('need_token')
    expect(c.sent).toEqual([{ protocol: BRIDGE_PROTOCOL, type: 'need_token', id: 'r1', session_id: 'jsess_1' }])
    expect(b.receive({ protocol: BRIDGE_PROTOCOL, type: 'answer', id: 'other', result: { token: TOKEN } })).toBe(false)
    expect(b.receive(JSON.stringify({ protocol: BRIDGE_PROTOCOL, type: 'answer', id: 'r1', result: { token: TOKEN } }))).toBe(true)
    await expect(asked).resolves.toEqual({ token: TOKEN })
    expect(b.receive({ protocol: BRIDGE_PROTOCOL, type: 'answer', id: 'r1', result: { token: TOKEN } })).toBe(false) // once
  })

  it('a declined, unfitting or late answer rejects the request', async () => {
    vi.useFakeTimers()
    let n = 0
    const b = createBridge({ sessionId: 'jsess_1', channel: channel(), returnUrl: () => null, navigate: () => undefined, newId: () => `r${++n}`, timeoutMs: 1000 })
    const declined = b.request('need_face')
    b.receive({ protocol: BRIDGE_PROTOCOL, type: 'error', id: 'r1', message: '用户取消' })
    await expect(declined).rejects.toThrow('用户取消')
    const unfit = b.request('need_token')
    b.receive({ protocol: BRIDGE_PROTOCOL, type: 'answer', id: 'r2', result: { token: 'not-a-token' } })
    await expect(unfit).rejects.toThrow(/not one/)
    const late = b.request('need_phone')
    vi.advanceTimersByTime(1001)
    await expect(late).rejects.toThrow(/in time/)
  })

  it('no channel: requests fail at once; success and exit go to the return URL with the outcome, once', async () => {
    const went: string[] = []
    const b = createBridge({ sessionId: 'jsess_1', channel: channel('none'), returnUrl: () => 'https://app.example/back?x=1', navigate: (u) => void went.push(u) })
    await expect(b.request('need_token')).rejects.toThrow(/no host/)
    b.exit('consent_denied')
    b.success({ applicationId: 'app_1', transferId: null, status: 'under_review' })
    expect(went).toEqual(['https://app.example/back?x=1&ruhui_status=exit&session_id=jsess_1&reason=consent_denied'])
  })

  it('with a channel the page never navigates; without a return URL it stays', () => {
    const went: string[] = []
    const c = channel('react-native')
    createBridge({ sessionId: 'jsess_1', channel: c, returnUrl: () => 'https://app.example/back', navigate: (u) => void went.push(u) }).success({ applicationId: 'app_1', transferId: null, status: 'under_review' })
    expect(c.sent).toEqual([{ protocol: BRIDGE_PROTOCOL, type: 'success', session_id: 'jsess_1', application_id: 'app_1', transfer_id: null, status: 'under_review' }])
    createBridge({ sessionId: 'jsess_2', channel: channel('none'), returnUrl: () => null, navigate: (u) => void went.push(u) }).exit('user_exit')
    expect(went).toEqual([])
  })
})

describe('protocol', () => {
  it('ignores what is not a ruhui-bridge/1 answer', () => {
    for (const junk of [null, 1, 'not json', '{}', { protocol: 'other/1', type: 'answer', id: 'a', result: {} }, { protocol: BRIDGE_PROTOCOL, type: 'answer', id: 'a' }, { protocol: BRIDGE_PROTOCOL, type: 'ready', id: 'a' }]) expect(parseHostMessage(junk)).toBeNull()
  })

  it('returnTarget keeps the URL and adds the outcome', () => {
    expect(returnTarget('https://app.example/done', { status: 'success', sessionId: 'jsess_1', applicationId: 'app_9' })).toBe('https://app.example/done?ruhui_status=success&session_id=jsess_1&application_id=app_9')
  })
})
