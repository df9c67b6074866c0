// The sandbox follows the registry's privacy rules (issue #13): the platform sees status, not
// membership, unless the driver let it know; only the driver withdraws; optional consents are
// withdrawn by the driver; only published texts are accepted; a session may try three ID numbers.
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { TEST_SECRET_KEY, createRegistrySandbox, makeTestIdNumber, testCharter, testConsents, testIdentities } from '@ruhui/testing'

const sandbox = createRegistrySandbox()
const server = setupServer(...sandbox.handlers)
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
afterAll(() => server.close())
const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createFetchTransport(), maxRetries: 0 })
const driverFor = async (user: string) => {
  const s = await backend.joinSessions.create({ platform_user_id: user })
  return createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries: 0 })
}
const submission = (who: { name: string; id_number: string; mobile: string }, optional: Array<'share_with_partners' | 'share_membership_with_platform'> = []) => ({
  applicant: { ...who, employment_form: 'employee' as const },
  base_region: { county: '340104' },
  org_id: 'org_sandbox_hefei_freight',
  consents: testConsents(undefined, optional),
  charter: testCharter(),
})
const PLATFORM_KEYS = ['id', 'object', 'platform_id', 'reason_code', 'session_id', 'status', 'submitted_at', 'updated_at']

it('the platform sees the membership only of a member who let it know, until they withdraw that consent', async () => {
  const driver = await driverFor('lets-know')
  const app = await driver.applications.submit(submission(testIdentities.approved, ['share_membership_with_platform']))
  expect(app.status).toBe('approved')
  const seen = await backend.applications.retrieve(app.id)
  expect(seen.membership).toEqual({ member: true, org_name: app.org_name })
  expect(Object.keys(seen).filter((k) => k !== 'membership').sort()).toEqual(PLATFORM_KEYS)
  const state = await driver.consents.withdraw({ kind: 'share_membership_with_platform' })
  expect(state.consents.find((c) => c.kind === 'share_membership_with_platform')?.withdrawn_at).toMatch(/\+08:00$/)
  expect(await backend.applications.retrieve(app.id)).not.toHaveProperty('membership')
  const events = sandbox.state.events.filter((e) => e.data.object.id === app.id)
  expect(events.length).toBeGreaterThan(0)
  for (const e of events) expect(Object.keys(e.data.object)).not.toContain('org_name')
})

it('without that consent: status only; a refusal’s code, never its words', async () => {
  const driver = await driverFor('says-nothing')
  const app = await driver.applications.submit(submission(testIdentities.rejected))
  const seen = await backend.applications.retrieve(app.id)
  expect(Object.keys(seen).sort()).toEqual(PLATFORM_KEYS)
  expect(seen.reason_code).toBe('not_a_truck_driver')
  expect(JSON.stringify((await backend.applications.list({ limit: 100 })).data)).not.toContain(app.status_reason?.message as string)
})

it('only the driver withdraws; unknown texts and a fourth ID number are refused by name', async () => {
  const driver = await driverFor('withdraws')
  const app = await driver.applications.submit(submission(testIdentities.standard))
  const refused = await fetch(`${sandbox.baseUrl}/v1/applications/${app.id}/withdraw`, { method: 'POST', headers: { authorization: `Bearer ${TEST_SECRET_KEY}`, 'content-type': 'application/json' }, body: '{}' })
  expect([refused.status, ((await refused.json()) as { error: { code: string } }).error.code]).toEqual([403, 'permission_denied'])
  expect((await driver.applications.withdraw(app.id)).status).toBe('withdrawn')

  const prober = await driverFor('prober')
  const unknown = submission(testIdentities.standard)
  await expect(prober.applications.submit({ ...unknown, charter: { ...unknown.charter, text_hash: 'c'.repeat(64) } })).rejects.toMatchObject({ code: 'consent_text_unknown', param: 'charter.text_hash' })
  const other = (seq: string) => ({ ...submission({ name: '赵探测', id_number: makeTestIdNumber({ regionCode: '340104', sequence: seq }), mobile: '13900000009' }), org_id: 'org_not_offered' })
  for (const seq of ['501', '502', '503']) await expect(prober.applications.submit(other(seq))).rejects.toMatchObject({ code: 'org_not_offered' })
  await expect(prober.applications.submit(other('504'))).rejects.toMatchObject({ code: 'too_many_id_numbers', param: 'applicant.id_number' })
})
