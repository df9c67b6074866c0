import { describe, expect, it } from 'vitest'
import { type HostWindow, pickChannel } from './channel'
import { BRIDGE_PROTOCOL, type PageMessage } from './protocol'

const ready: PageMessage = { protocol: BRIDGE_PROTOCOL, type: 'ready', session_id: 'jsess_1' }
const sink = () => {
  const got: unknown[] = []
  return { got, postMessage: (m: unknown, origin?: string) => void got.push(origin === undefined ? m : [m, origin]) }
}

describe('pickChannel: the first channel the page finds, in the documented order', () => {
  it('React Native first, then webkit, then Android, then the mini-program, then the parent', () => {
    const rn = sink()
    const wk = sink()
    const android = sink()
    const mp = { postMessage: sink().postMessage, navigateBack: () => undefined }
    const parent = sink()
    const all: HostWindow = { ReactNativeWebView: rn, webkit: { messageHandlers: { ruhui: wk } }, RuhuiAndroid: android, wx: { miniProgram: mp }, parent }
    expect(pickChannel(all, ['https://a.example']).kind).toBe('react-native')
    const { ReactNativeWebView: _rn, ...noRn } = all
    expect(pickChannel(noRn, ['https://a.example']).kind).toBe('webkit')
    expect(pickChannel({ ...noRn, webkit: {} }, ['https://a.example']).kind).toBe('android')
    expect(pickChannel({ parent, wx: { miniProgram: mp } }, ['https://a.example']).kind).toBe('mini-program')
    expect(pickChannel({ parent }, ['https://a.example']).kind).toBe('parent')
  })

  it('native channels get JSON text; the mini-program gets { data }', () => {
    const rn = sink()
    pickChannel({ ReactNativeWebView: rn, parent: null }, []).send(ready)
    expect(rn.got).toEqual([JSON.stringify(ready)])
    const wk = sink()
    pickChannel({ webkit: { messageHandlers: { ruhui: wk } }, parent: null }, []).send(ready)
    expect(JSON.parse(wk.got[0] as string)).toEqual(ready)
    const posted = sink()
    let back = 0
    const c = pickChannel({ wx: { miniProgram: { postMessage: posted.postMessage, navigateBack: () => void back++ } }, parent: null }, [])
    c.send(ready)
    c.finish?.()
    expect([posted.got, back, c.answers]).toEqual([[{ data: ready }], 1, false])
  })

  it('framed: posts to each registered origin only; with none registered, or at the top level, there is no channel', () => {
    const parent = sink()
    pickChannel({ parent }, ['https://a.example', 'https://b.example']).send(ready)
    expect(parent.got).toEqual([
      [ready, 'https://a.example'],
      [ready, 'https://b.example'],
    ])
    expect(pickChannel({ parent }, []).kind).toBe('none')
    const top = { parent: undefined as unknown, self: undefined as unknown }
    top.parent = top
    top.self = top
    expect(pickChannel(top as HostWindow, ['https://a.example']).kind).toBe('none')
  })
})
