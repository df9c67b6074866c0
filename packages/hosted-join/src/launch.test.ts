import { describe, expect, it } from 'vitest'
import { parseLaunch } from './launch'

describe('parseLaunch', () => {
  it('reads the session and token from the fragment and the frame origins from the meta tag', () => {
    expect(parseLaunch('#session=jsess_abc&token=jt_abcdefghijklmnop1234', 'https://a.example http://localhost:8080')).toEqual({ sessionId: 'jsess_abc', token: 'jt_abcdefghijklmnop1234', frameOrigins: ['https://a.example', 'http://localhost:8080'] })
  })
  it('drops what is not an id, a token or an origin', () => {
    expect(parseLaunch('#session=abc&token=sk_live_x', "'none' javascript:alert(1) https://a.example/path")).toEqual({ sessionId: null, token: null, frameOrigins: [] })
    expect(parseLaunch('', null)).toEqual({ sessionId: null, token: null, frameOrigins: [] })
  })
})
