// The headless join flow against the @ruhui/testing sandbox.
import { describe, expect, it, vi } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { type FlowEvent, type JoinFlowOptions, type NetworkPort, createJoinFlow, memoryStorage } from '@ruhui/core/flow'
import { makeTestIdNumber, testIdentities } from '@ruhui/testing'
import { fakePlatform, useSandbox } from './client-helpers'

const { sandbox, server, backend: makeBackend } = useSandbox()
const backend = makeBackend({ maxRetries: 0 })

function fakeNetwork(online = true): NetworkPort & { go(online: boolean): void } {
  const listeners = new Set<(o: boolean) => void>()
  let now = online
  return { isOnline: () => now, onChange: (l) => (listeners.add(l), () => listeners.delete(l)), go: (o) => ((now = o), listeners.forEach((l) => l(o))) }
}

async function open(extra: Partial<JoinFlowOptions> = {}, user = 'flow-driver') {
  const session = await backend.joinSessions.create({ platform_user_id: user })
  const client = createRegistryClient({ baseUrl: sandbox.baseUrl, joinToken: session.join_token as string, transport: createFetchTransport(), maxRetries: 0, platform: fakePlatform().platform })
  const events: FlowEvent[] = []
  const onSuccess = vi.fn()
  const onExit = vi.fn()
  const storage = memoryStorage()
  const network = fakeNetwork()
  const options: JoinFlowOptions = { client, sessionId: session.id, storage, network, onSuccess, onExit, onEvent: (e) => events.push(e), ...extra }
  const flow = createJoinFlow(options)
  return { flow, session, client, events, onSuccess, onExit, storage: options.storage as ReturnType<typeof memoryStorage>, network: options.network as ReturnType<typeof fakeNetwork>, options }
}

async function toUnion(flow: ReturnType<typeof createJoinFlow>, who = testIdentities.standard, county = '320115') {
  await flow.start()
  flow.next()
  await flow.grantConsent()
  flow.setField('name', who.name)
  flow.setField('idNumber', who.id_number)
  flow.setField('mobile', who.mobile)
  flow.setField('employmentForm', 'platform_self_employed')
  flow.setField('county', county)
  await flow.confirmIdentity()
}

/** The union step's 确认, the share consent (Art. 23) and the charter step's 同意并提交: each its own tap. */
async function agreeAndSubmit(flow: ReturnType<typeof createJoinFlow>) {
  if (flow.getState().step === 'union') flow.confirmUnion()
  if (flow.getState().step === 'share') flow.grantShare()
  await flow.submit()
}

describe('steps and transitions', () => {
  it('intro → consent → identity → union → submit → result, with one onSuccess and the stable events', async () => {
    const { flow, events, onSuccess, onExit, session } = await open()
    await flow.start()
    expect(flow.getState().step).toBe('intro')
    await vi.waitFor(() => expect(flow.getState().services.length).toBeGreaterThan(0))
    flow.next()
    expect(flow.getState().step).toBe('consent')
    await flow.grantConsent()
    expect(flow.getState().step).toBe('identity')
    flow.setField('idNumber', '320102198503151231')
    expect(flow.getState().fieldIssues.idNumber?.[0]?.code).toBe('invalid_checksum') // checked as typed
    expect(flow.getState().fieldIssues.name).toBeUndefined() // untouched fields stay quiet
    await flow.confirmIdentity()
    expect(flow.getState().step).toBe('identity')
    expect(Object.keys(flow.getState().fieldIssues).sort()).toEqual(['county', 'employmentForm', 'idNumber', 'mobile', 'name'])
    flow.setField('name', '张测试')
    flow.setField('idNumber', testIdentities.standard.id_number)
    flow.setField('mobile', '13800000001')
    flow.setField('employmentForm', 'platform_self_employed')
    flow.setField('county', '320115')
    await flow.confirmIdentity()
    const s = flow.getState()
    expect(s.step).toBe('union')
    expect(s.match?.candidates[0]?.reasons[0]?.message).toContain('南京市江宁区')
    expect(s.selectedOrgId).toBe('org_sandbox_nanjing_freight')
    flow.selectUnion('org_not_offered') // ignored
    flow.selectUnion('org_sandbox_nanjing_freight')
    await agreeAndSubmit(flow)
    expect(flow.getState().step).toBe('result')
    expect(flow.getState().result?.kind).toBe('pending_review')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ sessionId: session.id, status: 'under_review' })
    expect(onExit).not.toHaveBeenCalled()
    expect(events.map((e) => e.name)).toEqual(['OPEN', 'CONSENT_GRANTED', 'IDENTITY_VALID', 'UNION_SELECTED', 'CONSENT_GRANTED', 'CHARTER_ACCEPTED', 'SUBMITTED'])
    expect(events.every((e) => e.sessionId === session.id)).toBe(true)
    expect(JSON.stringify(events)).not.toContain(testIdentities.standard.id_number)
    // After the end nothing fires again.
    flow.exit()
    await agreeAndSubmit(flow)
    expect([onSuccess.mock.calls.length, onExit.mock.calls.length]).toEqual([1, 0])
  })

  it('declining consent ends with consent_denied, once', async () => {
    const { flow, onExit, onSuccess, events } = await open()
    await flow.start()
    flow.next()
    flow.denyConsent()
    flow.denyConsent()
    flow.exit()
    expect(onExit).toHaveBeenCalledTimes(1)
    expect(onExit.mock.calls[0]?.[0]).toMatchObject({ reason: 'consent_denied' })
    expect(onSuccess).not.toHaveBeenCalled()
    expect(events.map((e) => e.name)).toEqual(['OPEN', 'CONSENT_DENIED', 'EXIT'])
  })

  it('under 16: ineligible, and nothing is kept', async () => {
    const { flow, onExit, storage } = await open()
    await toUnion(flow, testIdentities.underage)
    expect(onExit.mock.calls[0]?.[0]).toMatchObject({ reason: 'ineligible' })
    expect(storage.data.size).toBe(0)
  })

  it('already a member elsewhere: the result offers a transfer, and requesting it is the success', async () => {
    const { flow, onSuccess } = await open()
    await toUnion(flow, testIdentities.alreadyMember)
    await agreeAndSubmit(flow)
    expect(flow.getState().result?.kind).toBe('transfer_required')
    expect(onSuccess).not.toHaveBeenCalled()
    await flow.requestTransfer('relocation')
    expect(flow.getState().result?.kind).toBe('transfer_requested')
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'transfer_requested' })
  })
})

describe('exactly once under races', () => {
  it('a double tap on submit sends one application', async () => {
    const { flow, onSuccess } = await open()
    await toUnion(flow)
    flow.confirmUnion()
    flow.grantShare()
    await Promise.all([flow.submit(), flow.submit(), flow.submit()])
    expect(sandbox.state.applications.size).toBe(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('the token expires during submit: the client refreshes it once (auth.refresh), the flow goes on and reports TOKEN_REFRESHED', async () => {
    const session = await backend.joinSessions.create({ platform_user_id: 'refresh-driver' })
    const refresh = vi.fn(async () => (await backend.joinSessions.refresh(session.id)).join_token as string)
    let flow: ReturnType<typeof createJoinFlow> | null = null
    const client = createRegistryClient({ baseUrl: sandbox.baseUrl, auth: { token: session.join_token as string, refresh }, onTokenRefreshed: () => flow?.tokenRefreshed(), transport: createFetchTransport(), maxRetries: 0, platform: fakePlatform().platform })
    const events: FlowEvent[] = []
    const onSuccess = vi.fn()
    flow = createJoinFlow({ client, sessionId: session.id, storage: memoryStorage(), network: fakeNetwork(), onSuccess, onExit: vi.fn(), onEvent: (e) => events.push(e) })
    await toUnion(flow)
    sandbox.expireToken(session.join_token as string)
    await agreeAndSubmit(flow)
    expect(refresh).toHaveBeenCalledTimes(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(sandbox.state.applications.size).toBe(1)
    expect(events.map((e) => e.name).slice(-2)).toEqual(['TOKEN_REFRESHED', 'SUBMITTED'])
  })

  it('a token the host cannot refresh: the session is over (session_unavailable), with the registry\'s words', async () => {
    const session = await backend.joinSessions.create({ platform_user_id: 'no-refresh-driver' })
    const client = createRegistryClient({ baseUrl: sandbox.baseUrl, auth: { token: session.join_token as string, refresh: async () => Promise.reject(new Error('backend down')) }, transport: createFetchTransport(), maxRetries: 0, platform: fakePlatform().platform })
    const onExit = vi.fn()
    const flow = createJoinFlow({ client, sessionId: session.id, storage: memoryStorage(), network: fakeNetwork(), onSuccess: vi.fn(), onExit })
    await toUnion(flow)
    sandbox.expireToken(session.join_token as string)
    await agreeAndSubmit(flow)
    expect(onExit.mock.calls).toEqual([[{ sessionId: session.id, reason: 'session_unavailable' }]])
    expect(flow.getState().error?.code).toBe('expired_token')
  })

  it('the network drops mid-request after the registry committed: queued, then synced exactly once', async () => {
    const { flow, onSuccess, events, network } = await open()
    await toUnion(flow)
    server.use(sandbox.scenarios.dropResponseAfterCommit({ times: 1 }))
    await agreeAndSubmit(flow)
    expect(flow.getState().step).toBe('queued')
    expect(onSuccess).not.toHaveBeenCalled()
    network.go(false)
    network.go(true)
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sandbox.state.applications.size).toBe(1)
    expect(events.map((e) => e.name).slice(-2)).toEqual(['SUBMISSION_QUEUED_OFFLINE', 'SUBMISSION_SYNCED'])
    network.go(true)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('WeChat cuts requests off in the background: the foreground drains the queue', async () => {
    const foreground = new Set<() => void>()
    const { flow, onSuccess } = await open({ lifecycle: { onForeground: (l) => (foreground.add(l), () => foreground.delete(l)) } })
    await toUnion(flow)
    server.use(sandbox.scenarios.networkError({ times: 1 }))
    await agreeAndSubmit(flow)
    expect(flow.getState().step).toBe('queued')
    foreground.forEach((l) => l())
    foreground.forEach((l) => l()) // twice: still one request
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sandbox.state.applications.size).toBe(1)
  })
})

describe('after the registry\'s own errors', () => {
  it('trying again after a 5xx resends the same request (same idempotency key), and a changed choice gets a new key', async () => {
    const keys: string[] = []
    const listener = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/applications') keys.push(request.headers.get('idempotency-key') ?? '')
    }
    server.events.on('request:start', listener)
    const { flow, onSuccess } = await open()
    await toUnion(flow)
    server.use(sandbox.scenarios.serverDown({ times: 1 }))
    await agreeAndSubmit(flow)
    expect(flow.getState().step).toBe('charter') // tried again from the charter step's own button
    expect(flow.getState().error?.code).toBe('service_unavailable')
    expect(onSuccess).not.toHaveBeenCalled()
    await agreeAndSubmit(flow)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(keys).toHaveLength(2)
    expect(keys[1]).toBe(keys[0])
    server.events.removeListener('request:start', listener)
  })

  it('the consent time is when the driver agreed, not when the form was sent', async () => {
    const bodies: Array<{ consents: Array<{ granted_at: string }> }> = []
    const listener = async ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/applications') bodies.push(await request.clone().json())
    }
    server.events.on('request:start', listener)
    let now = Date.parse('2026-11-28T02:00:00Z')
    const { flow, onSuccess } = await open({ clock: () => now }, 'consent-time-driver')
    await flow.start()
    flow.next()
    await flow.grantConsent()
    const agreedAt = flow.getState().consent.sensitive?.at
    expect(agreedAt).toBe('2026-11-28T10:00:00.000+08:00')
    now += 25 * 60_000 // the driver takes 25 minutes over the form
    flow.setField('name', testIdentities.standard.name)
    flow.setField('idNumber', testIdentities.standard.id_number)
    flow.setField('mobile', testIdentities.standard.mobile)
    flow.setField('employmentForm', 'platform_self_employed')
    flow.setField('county', '320115')
    await flow.confirmIdentity()
    await agreeAndSubmit(flow)
    server.events.removeListener('request:start', listener)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(bodies).toHaveLength(1)
    expect(bodies[0]?.consents.map((c) => c.granted_at)[0]).toEqual(agreedAt) // the share consent has its own tap's time
  })
})

describe('exit while the registry is answering', () => {
  it('exit() during the submit: the application is created, so the flow reports success — not user_exit', async () => {
    const { flow, onSuccess, onExit } = await open({}, 'exit-midway-driver')
    await toUnion(flow)
    const exitWhenSent = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/applications') flow.exit()
    }
    server.events.on('request:start', exitWhenSent)
    await agreeAndSubmit(flow)
    server.events.removeListener('request:start', exitWhenSent)
    await vi.waitFor(() => expect(onSuccess.mock.calls.length + onExit.mock.calls.length).toBe(1))
    expect(sandbox.state.applications.size).toBe(1)
    expect(onExit).not.toHaveBeenCalled()
    expect(onSuccess.mock.calls[0]?.[0]).toMatchObject({ status: 'under_review' })
  })

  it('exit() during a submit that gets no answer: user_exit, and the submission is sent once when the flow opens again', async () => {
    const first = await open({}, 'exit-no-answer-driver')
    await toUnion(first.flow)
    server.use(sandbox.scenarios.dropResponseAfterCommit({ times: 1 }))
    const exitWhenSent = ({ request }: { request: Request }) => {
      if (request.method === 'POST' && new URL(request.url).pathname === '/v1/applications') first.flow.exit()
    }
    server.events.on('request:start', exitWhenSent)
    await agreeAndSubmit(first.flow)
    server.events.removeListener('request:start', exitWhenSent)
    expect(first.onExit.mock.calls).toEqual([[{ sessionId: first.session.id, reason: 'user_exit' }]])
    first.flow.destroy()
    const onSuccess = vi.fn()
    const again = createJoinFlow({ ...first.options, network: fakeNetwork(), onSuccess })
    await again.start()
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sandbox.state.applications.size).toBe(1)
  })
})

describe('offline and resume', () => {
  it('a corrupt draft is discarded and the flow does not claim to have resumed', async () => {
    const first = await open({}, 'corrupt-draft-driver')
    first.storage.data.set(`ruhui.flow.${first.session.id}`, '{"v":1,"step":"ident')
    await first.flow.start()
    expect(first.flow.getState().step).toBe('intro')
    expect(first.events.map((e) => [e.name, e.metadata])).toEqual([['OPEN', { resumed: false }]])
    expect(first.storage.data.size).toBe(0)
  })

  it('storage not private: edits made while typing the ID number again travel with the queued submission', async () => {
    const storage = memoryStorage(false)
    const first = await open({ storage }, 'edit-after-resume-driver')
    await toUnion(first.flow)
    first.network.go(false)
    await agreeAndSubmit(first.flow)
    first.flow.destroy()
    server.events.on('request:start', captureBodies)
    bodiesSeen.length = 0
    const onSuccess = vi.fn()
    const again = createJoinFlow({ ...first.options, storage, network: fakeNetwork(true), onSuccess })
    await again.start()
    expect(again.getState().step).toBe('identity')
    again.setField('idNumber', testIdentities.standard.id_number)
    again.setField('mobile', '13900000002') // a new phone since
    await again.confirmIdentity()
    if (again.getState().step === 'union') await agreeAndSubmit(again)
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    server.events.removeListener('request:start', captureBodies)
    expect(bodiesSeen).toHaveLength(1)
    expect(bodiesSeen[0]).toMatchObject({ applicant: { mobile: '13900000002', id_number: testIdentities.standard.id_number } })
    expect(sandbox.state.applications.size).toBe(1)
  })

  it('submitted offline, the app restarts, the queue drains once when back online', async () => {
    const first = await open()
    await toUnion(first.flow)
    first.network.go(false)
    await agreeAndSubmit(first.flow)
    expect(first.flow.getState().step).toBe('queued')
    first.flow.destroy() // the app is killed
    expect(sandbox.state.applications.size).toBe(0)

    const network = fakeNetwork(false)
    const onSuccess = vi.fn()
    const again = createJoinFlow({ ...first.options, network, onSuccess })
    await again.start()
    expect(again.getState().step).toBe('queued')
    expect(again.getState().fields.county).toBe('320115')
    network.go(true)
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sandbox.state.applications.size).toBe(1)
  })

  it('a flow destroyed before it opened sends nothing; the next one for the session sends the queued submission once', async () => {
    const first = await open({}, 'destroyed-early-driver')
    await toUnion(first.flow)
    first.network.go(false)
    await agreeAndSubmit(first.flow)
    first.flow.destroy()
    const onSuccess = vi.fn()
    const early = createJoinFlow({ ...first.options, network: fakeNetwork(true), onSuccess })
    const starting = early.start()
    early.destroy()
    await starting
    await new Promise((r) => setTimeout(r, 50))
    expect(sandbox.state.applications.size).toBe(0)
    const again = createJoinFlow({ ...first.options, network: fakeNetwork(true), onSuccess })
    await again.start()
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sandbox.state.applications.size).toBe(1)
  })

  it('a network that went offline without telling is asked at submit: the submission is queued, not lost', async () => {
    let online = true
    const { flow, onSuccess } = await open({ network: { isOnline: () => online, onChange: () => () => undefined } }, 'silent-network-driver')
    await toUnion(flow)
    online = false
    await agreeAndSubmit(flow)
    expect(flow.getState().step).toBe('queued')
    expect(onSuccess).not.toHaveBeenCalled()
    expect(sandbox.state.applications.size).toBe(0)
  })

  it('reopening resumes at the step the driver left', async () => {
    const first = await open()
    await first.flow.start()
    first.flow.next()
    await first.flow.grantConsent()
    first.flow.setField('name', '张测试')
    first.flow.setField('county', '320115')
    const saved = JSON.parse(first.storage.data.values().next().value as string) as { step: string }
    expect(saved.step).toBe('identity')
    const again = createJoinFlow(first.options)
    await again.start()
    expect(again.getState().step).toBe('identity')
    expect(again.getState().consent.sensitive).not.toBeNull()
  })

  it('storage that is not private never holds the ID number; the driver types it again', async () => {
    const storage = memoryStorage(false)
    const first = await open({ storage })
    await toUnion(first.flow)
    first.network.go(false)
    await agreeAndSubmit(first.flow)
    for (const v of storage.data.values()) expect(v).not.toContain(testIdentities.standard.id_number)
    first.flow.destroy()
    const network = fakeNetwork(true)
    const onSuccess = vi.fn()
    const again = createJoinFlow({ ...first.options, storage, network, onSuccess })
    await again.start()
    expect(again.getState().step).toBe('identity')
    again.setField('idNumber', testIdentities.standard.id_number)
    await again.confirmIdentity()
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalledTimes(1))
    expect(sandbox.state.applications.size).toBe(1)
  })
})

describe('host capabilities', () => {
  const bodies: unknown[] = []
  const capture = async ({ request }: { request: Request }) => {
    if (request.method === 'POST' && new URL(request.url).pathname === '/v1/applications') bodies.push(await request.clone().json())
  }

  it('the phone code from the host fills a verified mobile; typing over it drops the verification', async () => {
    const exchangePhoneCode = vi.fn(async (code: string) => ({ mobile: code === 'wx-code-1' ? '13800000009' : '', verifiedAt: '2026-11-28T09:00:00+08:00' }))
    const { flow, events } = await open({ capabilities: { exchangePhoneCode } })
    await flow.start()
    await flow.applyPhoneCode('wx-code-1') // not on the identity step yet: ignored
    expect(exchangePhoneCode).not.toHaveBeenCalled()
    flow.next()
    await flow.grantConsent()
    await flow.applyPhoneCode('wx-code-1')
    expect(flow.getState().fields.mobile).toBe('13800000009')
    expect(flow.getState().verification.mobileVerifiedAt).toBe('2026-11-28T09:00:00+08:00')
    expect(events.map((e) => e.name)).toContain('PHONE_VERIFIED')
    flow.setField('mobile', '13800000001')
    expect(flow.getState().verification.mobileVerifiedAt).toBeNull()
  })

  it('a verified mobile and a passed face check travel with the submission; a failed one is a message, not an end', async () => {
    server.events.on('request:start', capture)
    bodies.length = 0
    let pass = false
    const verifyFace = vi.fn(async () => ({ passed: pass, verifiedAt: '2026-11-28T09:05:00+08:00' }))
    const exchangePhoneCode = async () => ({ mobile: testIdentities.standard.mobile, verifiedAt: '2026-11-28T09:00:00+08:00' })
    const { flow, onSuccess, onExit } = await open({ capabilities: { verifyFace, exchangePhoneCode } })
    await flow.start()
    flow.next()
    await flow.grantConsent()
    await flow.verifyFace()
    expect(flow.getState().error?.code).toBe('face_verification_failed')
    expect(flow.getState().finished).toBe(false)
    expect(onExit).not.toHaveBeenCalled()
    pass = true
    await flow.verifyFace()
    expect(flow.getState().verification.faceVerifiedAt).toBe('2026-11-28T09:05:00+08:00')
    flow.setField('name', testIdentities.standard.name)
    flow.setField('idNumber', testIdentities.standard.id_number)
    await flow.applyPhoneCode('any')
    flow.setField('employmentForm', 'platform_self_employed')
    flow.setField('county', '320115')
    await flow.confirmIdentity()
    await agreeAndSubmit(flow)
    expect(onSuccess).toHaveBeenCalledTimes(1)
    expect(bodies).toHaveLength(1)
    expect(bodies[0]).toMatchObject({ mobile_verified_at: '2026-11-28T09:00:00+08:00', identity_verification: { method: 'face_match', verified_at: '2026-11-28T09:05:00+08:00' } })
    server.events.removeListener('request:start', capture)
  })

  it('without the capability the methods do nothing', async () => {
    const { flow } = await open()
    await flow.start()
    flow.next()
    await flow.grantConsent()
    await flow.applyPhoneCode('x')
    await flow.verifyFace()
    expect(flow.getState().verification).toEqual({ mobileVerifiedAt: null, faceVerifiedAt: null })
    expect(flow.getState().error).toBeNull()
  })
})

describe('after submitting', () => {
  it('the result follows the review: approval brings the e-card and the members’ services, without a second callback', async () => {
    const { flow, onSuccess, events } = await open()
    await toUnion(flow)
    await agreeAndSubmit(flow)
    const app = flow.getState().result?.application
    expect(flow.getState().result?.kind).toBe('pending_review')
    await flow.refreshResult() // nothing changed yet
    expect(events.filter((e) => e.name === 'STATUS_CHANGED')).toHaveLength(0)
    sandbox.review(app!.id, 'approve')
    await flow.refreshResult()
    const s = flow.getState()
    expect(s.result?.kind).toBe('approved')
    expect(s.result?.application?.member_card?.number).toBeTruthy()
    expect(s.services.length).toBeGreaterThan(0)
    expect(events.filter((e) => e.name === 'STATUS_CHANGED')).toHaveLength(1)
    expect(onSuccess).toHaveBeenCalledTimes(1)
  })

  it('a driver can offer to volunteer once; the registry records the roles', async () => {
    const { flow, events } = await open()
    await toUnion(flow)
    await agreeAndSubmit(flow)
    await Promise.all([flow.volunteer(['activist']), flow.volunteer(['activist'])])
    expect(flow.getState().volunteered).toBe(true)
    expect(events.filter((e) => e.name === 'VOLUNTEERED')).toHaveLength(1)
    const id = flow.getState().result?.application?.id as string
    expect(sandbox.state.applications.get(id)?.volunteerRoles).toEqual(['activist'])
  })

  it('the optional sharing consent adds a third, separately recorded consent; without it there are two', async () => {
    server.events.on('request:start', captureBodies)
    bodiesSeen.length = 0
    for (const share of [true, false]) {
      const { flow } = await open({}, `share-${share}`)
      await flow.start()
      flow.next()
      await flow.grantConsent()
      flow.setField('name', testIdentities.standard.name)
      flow.setField('idNumber', share ? testIdentities.standard.id_number : makeTestIdNumber({ regionCode: '320102', birthDate: '1986-04-16', sequence: '125' }))
      flow.setField('mobile', testIdentities.standard.mobile)
      flow.setField('employmentForm', 'platform_self_employed')
      flow.setField('county', '320115')
      await flow.confirmIdentity()
      flow.confirmUnion()
      flow.setShareWithPartners(share) // on the share step, beside the provision to the union; off by default
      await agreeAndSubmit(flow)
    }
    server.events.removeListener('request:start', captureBodies)
    const kinds = bodiesSeen.map((b) => (b as { consents: Array<{ kind: string }> }).consents.map((c) => c.kind))
    expect(kinds).toEqual([['sensitive_personal_info', 'share_with_union', 'share_with_partners'], ['sensitive_personal_info', 'share_with_union']])
  })
})

const bodiesSeen: unknown[] = []
async function captureBodies({ request }: { request: Request }) {
  if (request.method === 'POST' && new URL(request.url).pathname === '/v1/applications') bodiesSeen.push(await request.clone().json())
}

it('the clock option sets the time the flow records (consent, events)', async () => {
  const at = Date.parse('2026-11-28T02:00:00Z')
  const { flow, events } = await open({ clock: () => at }, 'clock-driver')
  await flow.start()
  flow.next()
  await flow.grantConsent()
  expect(flow.getState().consent.sensitive?.at).toBe('2026-11-28T10:00:00.000+08:00')
  expect(events[0]?.at).toBe('2026-11-28T10:00:00.000+08:00')
})

it('the home-region picker lists the pilot provinces, then cities, counties and townships, and fills the codes', async () => {
  const { flow } = await open({}, 'picker-driver')
  await flow.start()
  flow.next()
  await flow.grantConsent()
  await flow.openRegionPicker()
  expect(flow.getState().regionPicker.items.map((r) => r.code)).toEqual(['320000', '340000'])
  await Promise.all([flow.pickRegion('320000'), flow.pickRegion('320000')]) // a double tap goes down one level
  expect(flow.getState().regionPicker.path.map((r) => r.code)).toEqual(['320000'])
  expect(flow.getState().regionPicker.items.map((r) => r.name)).toContain('南京市')
  await flow.pickRegion('320100')
  await flow.pickRegion('999999') // not in the list: nothing happens
  expect(flow.getState().regionPicker.open).toBe(true)
  await flow.pickRegion('320115')
  // The county is set at once and the picker closes; its townships (optional) open from their own row.
  expect(flow.getState().fields.county).toBe('320115')
  expect(flow.getState().countyLabel).toBe('江苏省 南京市 江宁区')
  expect(flow.getState().regionPicker.open).toBe(false)
  await flow.openTownshipPicker()
  const picker = flow.getState().regionPicker
  expect(picker.open).toBe(true)
  expect(picker.path.map((r) => r.level)).toEqual(['county'])
  expect(picker.items).toContainEqual({ code: '320115002', name: '秣陵街道', level: 'township' })
  expect(picker.items.every((r) => r.level === 'township' && /^320115\d{3}$/.test(r.code))).toBe(true)
  await flow.pickRegion('320115002')
  expect(flow.getState().fields.township).toBe('320115002')
  expect(flow.getState().townshipLabel).toBe('秣陵街道')
  expect(flow.getState().regionPicker.open).toBe(false)
  flow.setField('township', '320115003') // typed over: the name goes, the county's stays
  expect(flow.getState().townshipLabel).toBeNull()
  expect(flow.getState().countyLabel).toBe('江苏省 南京市 江宁区')
  flow.setField('county', '340104') // typed over: no words any more
  expect(flow.getState().countyLabel).toBeNull()

  // No township: the county stands, the township stays empty.
  await flow.openRegionPicker()
  await flow.pickRegion('340000')
  await flow.pickRegion('340100')
  await flow.pickRegion('340104')
  expect(flow.getState().regionPicker.open).toBe(false)
  expect(flow.getState().fields).toMatchObject({ county: '340104', township: '' })
  expect(flow.getState().countyLabel).toBe('安徽省 合肥市 蜀山区')
  expect(flow.getState().townshipLabel).toBeNull()

  // The type-ahead (issue #18): initials under the province on screen, the county two levels down set in words.
  await flow.openRegionPicker()
  await flow.pickRegion('340000')
  await flow.searchRegions('fx')
  expect(flow.getState().regionPicker.results?.[0]).toMatchObject({ name: '肥西县', full_name: '安徽省 合肥市 肥西县' })
  await flow.pickRegion('340123')
  expect(flow.getState()).toMatchObject({ countyLabel: '安徽省 合肥市 肥西县', fields: { county: '340123' }, regionPicker: { open: false } })
})
