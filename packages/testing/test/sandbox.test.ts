// The sandbox on its own: magic identities, expiry, review and transfer state machines.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkIdCard } from '@ruhui/core'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { MAGIC_SEQUENCES, TEST_SECRET_KEY, createRegistrySandbox, makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'

const sandbox = createRegistrySandbox({ tokenTtlMs: 60_000, timeoutDelayMs: 1500 })
const server = setupServer(...sandbox.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createFetchTransport(), maxRetries: 0 })

describe('fixtures', () => {
  it('every test identity is a valid synthetic number whose sequence carries its outcome', () => {
    for (const [name, who] of Object.entries(testIdentities)) {
      const r = checkIdCard(who.id_number, { asOf: '2026-11-28' })
      expect(r.ok, name).toBe(true)
    }
    expect(testIdentities.approved.id_number.slice(14, 17)).toBe(MAGIC_SEQUENCES.approved)
    expect(makeTestIdNumber({ birthDate: '2000-02-29', sequence: '902' })).toMatch(/^32010220000229902[\dX]$/)
    expect(() => makeTestIdNumber({ regionCode: '3201' })).toThrow(/6 digits/)
  })
})

describe('the sandbox as a registry', () => {
  it('tokens expire on the sandbox clock', async () => {
    const s = await backend.joinSessions.create({ platform_user_id: 'clock' })
    const driver = createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
    await driver.joinSessions.retrieve(s.id)
    sandbox.advanceTime(61_000)
    await expect(driver.joinSessions.retrieve(s.id)).rejects.toMatchObject({ code: 'expired_token' })
    expect((await backend.joinSessions.retrieve(s.id)).status).toBe('expired')
    // An expired session is not handed back: a new one is made.
    expect((await backend.joinSessions.create({ platform_user_id: 'clock' })).id).not.toBe(s.id)
  })

  it('a used session refuses a second submission; platform_user_id magic forces a 500', async () => {
    const s = await backend.joinSessions.create({ platform_user_id: 'once' })
    const driver = createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
    const body = { applicant: { ...testIdentities.approved, employment_form: 'employee' as const }, base_region: { county: '340104' }, org_id: 'org_sandbox_hefei_freight', consents: testConsents(), charter: testCharter() }
    await driver.applications.submit(body)
    await expect(driver.applications.submit({ ...body, volunteer: true })).rejects.toMatchObject({ code: 'session_completed' })
    await expect(backend.joinSessions.create({ platform_user_id: 'user_error_1' })).rejects.toMatchObject({ code: 'internal_error', statusCode: 500 })
  })

  it('transfers follow release → accept, and can be refused', async () => {
    const s = await backend.joinSessions.create({ platform_user_id: 'mover' })
    const driver = createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
    await expect(driver.transfers.request({ to_org_id: 'org_sandbox_hefei_freight', reason: 'relocation' })).rejects.toMatchObject({ code: 'invalid_request' })
    await driver.applications
      .submit({ applicant: { ...testIdentities.alreadyMember, employment_form: 'platform_self_employed' }, base_region: { county: '340104' }, org_id: 'org_sandbox_hefei_freight', consents: testConsents(), charter: testCharter() })
      .catch(() => undefined)
    const t = await driver.transfers.request({ to_org_id: 'org_sandbox_hefei_freight', reason: 'relocation' })
    expect(() => sandbox.advanceTransfer(t.id, 'accept')).toThrow() // the source must release first
    sandbox.advanceTransfer(t.id, 'reject')
    expect((await driver.transfers.retrieve(t.id)).status).toBe('rejected')
    // Only members have transfers: this driver never let the platform know of the membership, so it hears of none and reads none.
    expect(sandbox.events.filter((e) => e.type.startsWith('transfer.'))).toEqual([])
    await expect(backend.transfers.retrieve(t.id)).rejects.toMatchObject({ code: 'not_found', statusCode: 404 })
  })

  it('a platform user id starting user_timeout_ is answered only after the client has timed out', async () => {
    const impatient = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createFetchTransport(), maxRetries: 0, timeoutMs: 200 })
    await expect(impatient.joinSessions.create({ platform_user_id: 'user_timeout_1' })).rejects.toMatchObject({ type: 'connection_error', code: 'timeout', userMessage: '网络较慢，请求超时，请稍后再试' })
  })

  it('unknown endpoints and bad JSON get the error shape', async () => {
    const res = await fetch(`${sandbox.baseUrl}/v1/nothing`)
    expect(res.status).toBe(404)
    expect(((await res.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error')
    const bad = await fetch(`${sandbox.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${TEST_SECRET_KEY}` }, body: '{oops' })
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_request')
    const missing = await fetch(`${sandbox.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${TEST_SECRET_KEY}` }, body: '{}' })
    expect(((await missing.json()) as { error: { code: string; param: string } }).error).toMatchObject({ code: 'parameter_missing', param: 'platform_user_id' })
  })
})
