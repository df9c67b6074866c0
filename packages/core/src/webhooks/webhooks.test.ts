import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generateTestWebhookHeader, signWebhook, verifyWebhook } from '@ruhui/core/node'
import { hmacSha256HexAsync, isWebhookSignatureError, parseSignatureHeader, signWebhookAsync, verifyWebhookAsync } from '@ruhui/core/webhooks'

// Known answers computed independently (Python's hmac module), never by this code.
const KAT = [
  { secret: 'whsec_test_secret', t: 1764316800, body: '{"id":"evt_1","object":"event"}', v1: '94e3dcda0f6cf2f26603606d6354dda91f654cf1d7a42786c633152a66b5cefe' },
  { secret: 'whsec_rotated_key_2', t: 1764316800, body: '{"id":"evt_1","object":"event"}', v1: '9eba9a304b9716950c5d3ef63771687ecdef929160ec84b2df0654f7c5fbf469' },
  { secret: 'whsec_test_secret', t: 1700000000, body: '{"name":"张三","note":"中文载荷"}', v1: '21cdb358bff73e8a70ccfda8560d615ff76156f73faaca2653a7c23a13c0c828' },
  { secret: 'whsec_test_secret', t: 1764316800, body: '', v1: '1019b9bd3b70f355f248e1fe758c846c60ad3e08a4877fbece49b851cf8b9602' },
]

const SECRET = 'whsec_test_secret'
const T = 1764316800
const at = (seconds: number) => () => seconds * 1000
const event = JSON.stringify({
  id: 'evt_sandbox00000001',
  object: 'event',
  type: 'application.approved',
  api_version: '2026-11-01',
  created_at: '2026-11-28T16:00:00.000+08:00',
  data: {
    object: {
      // The platform's view of an application (issue #13): status, not membership.
      id: 'app_sandbox00000002', object: 'application', session_id: 'jsess_sandbox00000001', platform_id: 'P-SANDBOX', status: 'approved', reason_code: null,
      submitted_at: '2026-11-28T15:00:00.000+08:00', updated_at: '2026-11-28T16:00:00.000+08:00',
    },
  },
})

describe('known-answer vectors', () => {
  it('RFC 4231 case 2 for the HMAC itself', async () => {
    expect(await hmacSha256HexAsync('Jefe', new TextEncoder().encode('what do ya want for nothing?'))).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843')
  })
  it.each(KAT)('t=$t over "$body"', async ({ secret, t, body, v1 }) => {
    expect(signWebhook(body, secret, { timestamp: t })).toBe(`t=${t},v1=${v1}`)
    expect(await signWebhookAsync(body, secret, { timestamp: t })).toBe(`t=${t},v1=${v1}`)
    expect(signWebhook(Buffer.from(body), secret, { timestamp: t })).toBe(`t=${t},v1=${v1}`)
  })
})

describe('verify', () => {
  const header = signWebhook(event, SECRET, { timestamp: T })

  it('returns the typed event, sync and async alike', async () => {
    const sync = verifyWebhook(event, header, SECRET, { now: at(T) })
    expect(sync.type).toBe('application.approved')
    expect(await verifyWebhookAsync(Buffer.from(event), header, SECRET, { now: at(T) })).toEqual(sync)
  })

  it('tolerance: 300 s either side passes, 301 s does not; 0 turns it off', async () => {
    for (const now of [T + 300, T - 300]) {
      expect(verifyWebhook(event, header, SECRET, { now: at(now) }).id).toBe('evt_sandbox00000001')
      expect((await verifyWebhookAsync(event, header, SECRET, { now: at(now) })).id).toBe('evt_sandbox00000001')
    }
    for (const now of [T + 301, T - 301]) {
      expect(() => verifyWebhook(event, header, SECRET, { now: at(now) })).toThrow(/outside ±300 s/)
      await expect(verifyWebhookAsync(event, header, SECRET, { now: at(now) })).rejects.toMatchObject({ code: 'timestamp_outside_tolerance' })
    }
    expect(verifyWebhook(event, header, SECRET, { now: at(T + 86_400), toleranceSeconds: 0 }).id).toBeTruthy()
    expect(() => verifyWebhook(event, header, SECRET, { now: at(T + 61), toleranceSeconds: 60 })).toThrow(/outside ±60 s/)
  })

  it('rotation: two signatures, either secret verifies; a list of secrets verifies one signature', async () => {
    const both = signWebhook(event, [SECRET, 'whsec_new'], { timestamp: T })
    expect(parseSignatureHeader(both).signatures).toHaveLength(2)
    expect(verifyWebhook(event, both, 'whsec_new', { now: at(T) }).id).toBeTruthy()
    expect(verifyWebhook(event, both, SECRET, { now: at(T) }).id).toBeTruthy()
    expect(verifyWebhook(event, header, ['whsec_new', SECRET], { now: at(T) }).id).toBeTruthy()
    expect((await verifyWebhookAsync(event, both, 'whsec_new', { now: at(T) })).id).toBeTruthy()
  })

  it('names the usual mistake: a parsed body instead of the raw one', () => {
    const err = (() => {
      try {
        verifyWebhook(JSON.parse(event), header, SECRET, { now: at(T) })
      } catch (e) {
        return e
      }
    })()
    expect(isWebhookSignatureError(err)).toBe(true)
    expect(err).toMatchObject({ code: 'payload_not_raw' })
    expect((err as Error).message).toMatch(/raw request body.*express\.raw/)
    // Re-serialised with other spacing: the bytes differ, so nothing matches — and the message says why that usually happens.
    expect(() => verifyWebhook(JSON.stringify(JSON.parse(event), null, 2), header, SECRET, { now: at(T) })).toThrow(/parsed and re-serialised/)
  })

  it('a wrong secret, a tampered body, a missing or malformed header', async () => {
    expect(() => verifyWebhook(event, header, 'whsec_wrong', { now: at(T) })).toThrow(expect.objectContaining({ code: 'signature_mismatch' }))
    expect(() => verifyWebhook(event.replace('approved', 'rejected'), header, SECRET, { now: at(T) })).toThrow(expect.objectContaining({ code: 'signature_mismatch' }))
    expect(() => verifyWebhook(event, undefined, SECRET)).toThrow(expect.objectContaining({ code: 'missing_signature_header' }))
    expect(() => verifyWebhook(event, 'v1=abc', SECRET)).toThrow(expect.objectContaining({ code: 'malformed_signature_header' }))
    expect(() => verifyWebhook(event, [header], SECRET, { now: at(T) })).not.toThrow() // Node gives arrays for repeated headers
    await expect(verifyWebhookAsync(event, header, 'whsec_wrong', { now: at(T) })).rejects.toMatchObject({ code: 'signature_mismatch' })
  })

  it('a valid signature over a body that is not an event', () => {
    const h = signWebhook('{"hello":1}', SECRET, { timestamp: T })
    expect(() => verifyWebhook('{"hello":1}', h, SECRET, { now: at(T) })).toThrow(expect.objectContaining({ code: 'invalid_payload' }))
  })

  it('generateTestWebhookHeader makes headers that verify', () => {
    const h = generateTestWebhookHeader({ payload: event, secret: SECRET })
    expect(verifyWebhook(event, h, SECRET).id).toBe('evt_sandbox00000001')
  })
})

describe('sync and async agree', () => {
  it('on random bodies, secrets and timestamps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 4_000_000_000 }), async (body, secret, t) => {
        const a = signWebhook(body, secret, { timestamp: t })
        const b = await signWebhookAsync(body, secret, { timestamp: t })
        expect(b).toBe(a)
        const bytes = fc.sample(fc.uint8Array({ maxLength: 64 }), 1)[0] as Uint8Array
        expect(await signWebhookAsync(bytes, secret, { timestamp: t })).toBe(signWebhook(bytes, secret, { timestamp: t }))
      }),
      { numRuns: 200 },
    )
  })
})
