// One contract suite, two servers: the same requests to a real registry process (SQLite) and to the
// @ruhui/testing sandbox (msw), with the same directory, platform and key. Every route and every
// error code a request can cause must come back alike: the status, the error's type, code and
// param, and the body (ids, times and tokens aside). Codes only the server causes (lock_conflict,
// rate_limited, internal_error, service_unavailable) are checked on the dispatcher itself
// (packages/core/src/server/dispatch.test.ts).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { setupServer } from 'msw/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ERROR_CODES, type ErrorCode } from '@ruhui/core/contract'
import { type UnionOrg, defineMatchingConfig } from '@ruhui/core/matching'
import sampleDirectory from '@ruhui/sample-directory'
import { createRegistrySandbox, makeTestIdNumber, testConsents, testCharter } from '@ruhui/testing'
import { type RegistryInstance, startRegistry } from './registry-process'
import { runSql } from './row-counts'

const SANDBOX_URL = 'https://registry.parity.test'
const PLATFORM = 'P-PARITY'
const DISABLED = 'P-PARITY-OFF'

interface Target {
  name: 'registry' | 'sandbox'
  baseUrl: string
  /** Approve an application as the union would (the registry's reviewer API; the sandbox's review helper). */
  approve(applicationId: string): Promise<void>
  /** Let a session's join token run out. */
  expire(sessionId: string, token: string): Promise<void>
}

interface Answer {
  status: number
  body: Record<string, unknown>
}

let registry: RegistryInstance
let secretKey = ''
let disabledKey = ''
// Both run the 2021 pilot configuration (Jiangsu and Anhui), as `npm start` does.
const PILOT = join(import.meta.dirname, '../matching/pilot-2021.json')
const sandbox = createRegistrySandbox({ baseUrl: SANDBOX_URL, organisations: sampleDirectory.organisations as unknown as UnionOrg[], parks: sampleDirectory.parks, platforms: [], matchingConfig: defineMatchingConfig(JSON.parse(readFileSync(PILOT, 'utf8'))) })
const msw = setupServer(...sandbox.handlers)
const targets: Target[] = []
const RETURN_URL = 'https://driver.example.com/ruhui/done'
// Error codes seen from both servers alike; checked against ERROR_CODES at the end.
const covered = new Set<string>()

beforeAll(async () => {
  registry = await startRegistry({ dialect: 'sqlite' }, { RUHUI_MATCHING_CONFIG: PILOT })
  const platform = registry.cli(['platform', 'create', '--name', '对照平台', '--id', PLATFORM, '--return-url', RETURN_URL, '--allowed-origin', 'https://driver.example.com'])
  const off = registry.cli(['platform', 'create', '--name', '已停用平台', '--id', DISABLED])
  secretKey = platform.secret_key as string
  disabledKey = off.secret_key as string
  await runSql(registry, `update platforms set revoked_at = '2026-01-01T00:00:00.000Z' where id = '${DISABLED}'`)
  const reviewer = registry.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '对照审核员'])
  sandbox.state.platforms.push({ id: PLATFORM, secretKey, returnUrls: [RETURN_URL], allowedOrigins: ['https://driver.example.com'] }, { id: DISABLED, secretKey: disabledKey, disabled: true })
  msw.listen({ onUnhandledRequest: 'bypass' })
  targets.push(
    {
      name: 'registry',
      baseUrl: registry.baseUrl,
      async approve(id) {
        const res = await fetch(`${registry.baseUrl}/v1/review/applications/${id}/approve`, { method: 'POST', headers: { authorization: `Bearer ${reviewer.key}` } })
        expect(res.status).toBe(200)
      },
      expire: (sessionId) => runSql(registry, `update sessions set token_expires_at = '2020-01-01T00:00:00.000Z' where id = '${sessionId}'`),
    },
    {
      name: 'sandbox',
      baseUrl: SANDBOX_URL,
      approve: async (id) => void sandbox.review(id, 'approve'),
      expire: async (_sessionId, token) => sandbox.expireToken(token),
    },
  )
})

afterAll(async () => {
  msw.close()
  await registry?.stop()
  registry?.cleanup()
})

/** The same request to both servers. */
async function both(method: 'GET' | 'POST', path: string, o: { key?: string | ((t: Target) => string); body?: unknown; raw?: string; headers?: Record<string, string> } = {}): Promise<[Answer, Answer]> {
  const out = await Promise.all(
    targets.map(async (t) => {
      const key = typeof o.key === 'function' ? o.key(t) : o.key
      const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(method === 'POST' ? { 'content-type': 'application/json' } : {}), ...o.headers }
      const res = await fetch(`${t.baseUrl}${path}`, { method, headers, ...(method === 'POST' ? { body: o.raw ?? JSON.stringify(o.body ?? {}) } : {}) })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }),
  )
  return out as [Answer, Answer]
}

/** Ids, times, tokens and request ids differ by nature; everything else must not. */
function normal(v: unknown): unknown {
  if (typeof v === 'string') {
    if (/^\d{4}-\d{2}-\d{2}T[\d:.]+\+08:00$/.test(v)) return '<time>'
    // hosted_url: each server's own address, and the session's id and token in the fragment.
    const hosted = /^https?:\/\/[^/]+(\/join\?p=[^#]+)#session=jsess_[A-Za-z0-9_]+&token=jt_[A-Za-z0-9_]+$/.exec(v)
    if (hosted) return `<base>${hosted[1]}#session=jsess_*&token=jt_*`
    const id = /^(jsess|app|trf|evt|req|jt|upl|irq|lvr)_[A-Za-z0-9_]+$/.exec(v)
    return id ? `${id[1]}_*` : v
  }
  if (Array.isArray(v)) return v.map(normal)
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normal(x)]))
  return v
}

/** Both answered alike; an error reply is counted as covered. Returns both answers. */
function alike(pair: [Answer, Answer], status: number): [Answer, Answer] {
  const [a, b] = pair
  expect({ status: b.status, body: normal(b.body) }).toEqual({ status: a.status, body: normal(a.body) })
  expect(a.status).toBe(status)
  const error = a.body.error as { code: ErrorCode; type: string } | undefined
  if (error) {
    expect(ERROR_CODES[error.code]).toMatchObject({ status, type: error.type })
    covered.add(error.code)
  }
  return pair
}

/** The same request with a per-server path or credential. */
async function each(method: 'GET' | 'POST', path: (t: Target) => string, key: (t: Target) => string, body?: unknown): Promise<[Answer, Answer]> {
  const out = await Promise.all(
    targets.map(async (t) => {
      const res = await fetch(`${t.baseUrl}${path(t)}`, { method, headers: { authorization: `Bearer ${key(t)}`, 'content-type': 'application/json' }, ...(method === 'POST' ? { body: JSON.stringify(body ?? {}) } : {}) })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    }),
  )
  return out as [Answer, Answer]
}

const sk = () => secretKey

/** The id each server gave in a pair of answers. */
const idOf = ([a, b]: [Answer, Answer]) => (t: Target) => (t.name === 'registry' ? a : b).body.id as string

/** Only the shape (keys, types) alike: for lists whose data differs by design (member services). */
function shapeOf(v: unknown): unknown {
  if (Array.isArray(v)) return v.length ? [shapeOf(v[0])] : []
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, shapeOf(x)]))
  return typeof v
}

const applicant = (sequence: string, extra: { birthDate?: string } = {}) => ({
  name: '对照测试',
  id_number: makeTestIdNumber({ regionCode: '320102', sequence, ...(extra.birthDate ? { birthDate: extra.birthDate } : {}) }),
  mobile: '13900000000',
  employment_form: 'platform_self_employed',
})
const submission = (sequence: string, extra: Record<string, unknown> = {}) => ({ applicant: applicant(sequence), base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter(), ...extra })

/** A join session on both servers for the same platform user: its id and token on each. */
async function sessionFor(user: string): Promise<{ token: (t: Target) => string; id: (t: Target) => string }> {
  alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: user } }), 201)
  const [a, b] = alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: user } }), 200) // handed back, same token
  const pick = (t: Target) => (t.name === 'registry' ? a : b).body as { id: string; join_token: string }
  return { token: (t) => pick(t).join_token, id: (t) => pick(t).id }
}

describe('the registry and the sandbox answer alike', () => {
  it('health, regions, organisations, member services', async () => {
    alike(await both('GET', '/v1/health'), 200)
    alike(await both('GET', '/v1/regions', { key: secretKey }), 200)
    alike(await both('GET', '/v1/regions?parent=3201', { key: secretKey }), 200)
    // The picker's type-ahead (issue #18): pinyin initials and names, with the place in words; a bad query is a 400.
    const [fx] = alike(await both('GET', '/v1/regions?parent=34&q=fx', { key: secretKey }), 200)
    expect((fx.body.data as Array<{ name: string; full_name: string }>)[0]).toMatchObject({ name: '肥西县', full_name: '安徽省 合肥市 肥西县' })
    alike(await both('GET', `/v1/regions?parent=34&q=${encodeURIComponent('合肥')}`, { key: secretKey }), 200)
    alike(await both('GET', `/v1/regions?q=${'x'.repeat(21)}`, { key: secretKey }), 400)
    alike(await both('GET', '/v1/organisations?q=%E5%8D%97%E4%BA%AC&limit=5', { key: secretKey }), 200)
    const [parks] = alike(await both('GET', '/v1/parks?county=340104', { key: secretKey }), 200)
    expect(parks.body.data).toEqual([{ id: 'PARK-HF-01', object: 'park', name: '合肥某物流园区（示例）', county: '340104' }])
    alike(await both('GET', '/v1/parks', { key: secretKey }), 400) // the county is required
    const [a, b] = await both('GET', '/v1/member-services?region=320115', { key: secretKey })
    expect([a.status, b.status]).toEqual([200, 200])
    expect(shapeOf(b.body)).toEqual(shapeOf(a.body))
  })

  it('join sessions: create, again for the same user, retrieve by both credentials, refresh, the old token refused', async () => {
    const s = await sessionFor('parity-sessions') // created (201), then handed back (200)
    alike(await both('GET', '/v1/join-sessions/jsess_nothing_here', { key: secretKey }), 404)
    alike(await each('GET', (t) => `/v1/join-sessions/${s.id(t)}`, s.token), 200)
    alike(await each('GET', (t) => `/v1/join-sessions/${s.id(t)}`, sk), 200)
    alike(await each('POST', (t) => `/v1/join-sessions/${s.id(t)}/refresh`, sk), 200)
    alike(await both('POST', '/v1/organisations/match', { key: s.token, body: { employment_form: 'employee', base_region: { county: '320115' } } }), 401) // the replaced token: invalid_token
  })

  it('match, submit, retrieve, list, volunteer, withdraw', async () => {
    const s = await sessionFor('parity-join')
    alike(await both('POST', '/v1/organisations/match', { key: s.token, body: { employment_form: 'platform_self_employed', base_region: { county: '320115' } } }), 200)
    const submitted = alike(await both('POST', '/v1/applications', { key: s.token, body: submission('211') }), 201)
    expect(submitted[0].body).toMatchObject({ status: 'under_review', org_id: 'org_nf_320115' })
    alike(await both('GET', '/v1/applications?limit=1', { key: secretKey }), 200)
    const id = idOf(submitted)
    alike(await each('GET', (t) => `/v1/applications/${id(t)}`, sk), 200)
    alike(await each('GET', (t) => `/v1/applications/${id(t)}`, s.token), 200)
    alike(await each('POST', (t) => `/v1/applications/${id(t)}/volunteer`, s.token, { roles: ['volunteer'] }), 200)
    alike(await each('POST', (t) => `/v1/applications/${id(t)}/withdraw`, sk), 403) // permission_denied: only the driver withdraws (issue #13)
    alike(await each('POST', (t) => `/v1/applications/${id(t)}/withdraw`, s.token), 200)
  })

  it('the errors a request can cause', async () => {
    const s = await sessionFor('parity-errors')
    const match = { employment_form: 'platform_self_employed', base_region: { county: '320115' } }
    alike(await both('POST', '/v1/organisations/match', { key: s.token, raw: '{not json' }), 400) // invalid_request
    alike(await both('POST', '/v1/organisations/match', { key: s.token, body: { base_region: { county: '320115' } } }), 400) // parameter_missing
    alike(await both('POST', '/v1/organisations/match', { key: s.token, body: { ...match, base_region: { county: '32011' } } }), 400) // parameter_invalid
    alike(await both('GET', '/v1/organisations?limit=0', { key: secretKey }), 400) // a query checked by its schema
    alike(await both('POST', '/v1/organisations/match', { key: s.token, raw: JSON.stringify({ ...match, pad: 'x'.repeat(70_000) }) }), 413) // payload_too_large (64 KB on both)
    alike(await both('GET', '/v1/applications', { key: 'sk_no_such_key_at_all' }), 401) // invalid_api_key
    alike(await both('GET', '/v1/applications', { key: disabledKey }), 401) // api_key_expired
    alike(await both('GET', '/v1/applications', {}), 401) // no credential: invalid_api_key
    alike(await both('POST', '/v1/organisations/match', { key: 'jt_no_such_token_0000000000', body: match }), 401) // invalid_token
    alike(await both('POST', '/v1/organisations/match', { key: secretKey, body: match }), 403) // forbidden
    alike(await both('GET', '/v1/applications/app_nothing_here', { key: secretKey }), 404) // not_found
    alike(await both('GET', '/v1/no-such-route', { key: secretKey }), 404)
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('214', { org_id: 'org_lf_3201' }) }), 422) // org_not_offered
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('214', { charter: { ...testCharter(), text_hash: 'c'.repeat(64) } }) }), 400) // consent_text_unknown (issue #13)
    alike(await both('POST', '/v1/organisations/match', { key: s.token, body: { ...match, base_region: { county: '330106' } } }), 200) // status not_in_pilot
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('214', { base_region: { county: '330106' } }) }), 422) // not_in_pilot (the same ID number: a session may try only three)
    alike(await both('POST', '/v1/applications', { key: s.token, body: { ...submission('213'), applicant: applicant('213', { birthDate: '2015-01-01' }) } }), 422) // ineligible
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('214'), headers: { 'idempotency-key': 'parity-k1' } }), 201)
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('214'), headers: { 'idempotency-key': 'parity-k1' } }), 201) // replayed
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('215'), headers: { 'idempotency-key': 'parity-k1' } }), 409) // idempotency_conflict
    alike(await both('POST', '/v1/applications', { key: s.token, body: submission('216') }), 409) // session_completed
    const again = await sessionFor('parity-errors-2')
    alike(await both('POST', '/v1/applications', { key: again.token, body: submission('214') }), 409) // application_exists
    // No membership oracle (issue #13): a fourth distinct ID number in one session is refused.
    const prober = await sessionFor('parity-prober')
    for (const seq of ['231', '232', '233']) alike(await both('POST', '/v1/applications', { key: prober.token, body: submission(seq, { org_id: 'org_lf_3201' }) }), 422)
    alike(await both('POST', '/v1/applications', { key: prober.token, body: submission('234', { org_id: 'org_lf_3201' }) }), 429) // too_many_id_numbers
    const late = await sessionFor('parity-expired')
    await Promise.all(targets.map((t) => t.expire(late.id(t), late.token(t))))
    alike(await both('POST', '/v1/organisations/match', { key: late.token, body: match }), 401) // expired_token
  })

  it('a member applies again: already_member where the union is the same, transfer_required elsewhere; the transfer is requested', async () => {
    const s = await sessionFor('parity-member')
    const id = idOf(alike(await both('POST', '/v1/applications', { key: s.token, body: submission('221') }), 201))
    await Promise.all(targets.map((t) => t.approve(id(t))))
    const same = await sessionFor('parity-member-same')
    alike(await both('POST', '/v1/applications', { key: same.token, body: submission('221') }), 409) // already_member
    const moved = await sessionFor('parity-member-moved')
    alike(await both('POST', '/v1/applications', { key: moved.token, body: { ...submission('221'), base_region: { county: '340104' }, org_id: 'org_nf_340104' } }), 409) // transfer_required
    const requested = alike(await both('POST', '/v1/transfers', { key: moved.token, body: { to_org_id: 'org_nf_340104', reason: 'relocation' } }), 201)
    expect(requested[0].body).toMatchObject({ status: 'requested', to_org_id: 'org_nf_340104' })
    alike(await both('GET', '/v1/transfers/trf_nothing_here', { key: moved.token }), 404)
    // Only members have transfers: without share_membership_with_platform the platform reads none, as if it did not exist.
    const [unseen] = alike(await each('GET', (t) => `/v1/transfers/${idOf(requested)(t)}`, sk), 404)
    const [none] = alike(await both('GET', '/v1/transfers/trf_nothing_here', { key: secretKey }), 404)
    expect(normal(unseen.body)).toEqual(normal(none.body))
    alike(await each('GET', (t) => `/v1/transfers/${idOf(requested)(t)}`, moved.token), 200) // the driver reads it
  })

  it('a retained member cannot move (membership_retained); with the consent, the platform reads the transfer, status only', async () => {
    const s = await sessionFor('parity-retained')
    const id = idOf(alike(await both('POST', '/v1/applications', { key: s.token, body: submission('263', { consents: testConsents(undefined, ['share_membership_with_platform']) }) }), 201))
    await Promise.all(targets.map((t) => t.approve(id(t))))
    const member = await sessionFor('parity-retained')
    const setStatus = async (status: 'retained' | 'active') => {
      await runSql(registry, `update members set status = '${status}' where application_id = '${id(targets[0] as Target)}'`)
      const m = [...sandbox.state.members.values()].find((x) => x.applicationId === id(targets[1] as Target))
      if (m) m.status = status
    }
    const move = { base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' }
    await setStatus('retained')
    const [refused] = alike(await both('POST', '/v1/me/membership/transfer', { key: member.token, body: move }), 409) // membership_retained
    expect(refused.body.error).toMatchObject({ code: 'membership_retained', param: 'membership.status' })
    await setStatus('active')
    const requested = alike(await both('POST', '/v1/me/membership/transfer', { key: member.token, body: move }), 201)
    const [seen] = alike(await each('GET', (t) => `/v1/transfers/${idOf(requested)(t)}`, sk), 200)
    expect(Object.keys(seen.body).sort()).toEqual(['created_at', 'id', 'object', 'session_id', 'status', 'updated_at'])
  })

  it('hosted sessions: a registered return_url is kept and the hosted_url answered; any other return_url is return_url_not_allowed', async () => {
    const [created] = alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: 'parity-hosted', return_url: RETURN_URL } }), 201)
    expect(created.body).toMatchObject({ return_url: RETURN_URL, hosted_url: expect.stringMatching(/\/join\?p=P-PARITY#session=jsess_\w+&token=jt_\w+$/) })
    const [refused] = alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: 'parity-hosted-2', return_url: 'https://evil.example.net/ruhui/done' } }), 400)
    expect(refused.body.error).toMatchObject({ code: 'return_url_not_allowed', param: 'return_url' })
    alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: 'parity-hosted-2', return_url: `${RETURN_URL}/` } }), 400) // exact match only
  })

  it('errors in the caller’s language: the session’s locale, else Accept-Language', async () => {
    const [en] = alike(await both('POST', '/v1/organisations/match', { key: secretKey, body: {}, headers: { 'accept-language': 'en-US,en;q=0.9' } }), 403)
    expect(en.body.error).toMatchObject({ code: 'forbidden', message: 'This call needs a join token' })
    alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: 'parity-en', locale: 'en' } }), 201)
    const session = alike(await both('POST', '/v1/join-sessions', { key: secretKey, body: { platform_user_id: 'parity-en' } }), 200)
    const token = (t: Target) => (t.name === 'registry' ? session[0] : session[1]).body.join_token as string
    const [missing] = alike(await each('POST', () => '/v1/organisations/match', token, { base_region: { county: '320115' } }), 400)
    expect(missing.body.error).toMatchObject({ code: 'parameter_missing', param: 'employment_form', message: 'A required parameter is missing' })
    const [asked] = alike(await each('POST', () => '/v1/organisations/match', token, {}), 400)
    expect((asked.body.error as { message: string }).message).toBe('A required parameter is missing') // the session's language, with no header at all
  })

  it('issue #16: the member centre, moving, leaving, the review loop and its uploads, card checks', async () => {
    const nanjing = registry.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '对照南京'])
    const staff = (path: string, body: unknown) => fetch(`${registry.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${nanjing.key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const requestInfo = async (id: (t: Target) => string, ask: { fields?: string[]; documents?: string[]; message: string }) => {
      expect((await staff(`/v1/review/applications/${id(targets[0] as Target)}/request_info`, { reason: ask.message, ...ask })).status).toBe(200)
      sandbox.requestInformation(id(targets[1] as Target), ask as Parameters<typeof sandbox.requestInformation>[1])
    }
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC'
    // Not a member yet: the applications of the platform user's own sessions; nobody at all: membership_not_found.
    alike(await both('GET', '/v1/me/membership', { key: (await sessionFor('parity-nobody')).token }), 404)
    const first = await sessionFor('parity-mc')
    const id = idOf(alike(await both('POST', '/v1/applications', { key: first.token, body: submission('241') }), 201))
    const up = (key: (t: Target) => string, data: string) =>
      Promise.all(
        targets.map(async (t) => {
          const res = await fetch(`${t.baseUrl}/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${key(t)}`, 'content-type': 'application/json' }, body: JSON.stringify({ application_id: id(t), purpose: 'driving_licence_photo', data_base64: data }) })
          return { status: res.status, body: (await res.json()) as Record<string, unknown> }
        }),
      ) as Promise<[Answer, Answer]>
    alike(await up(first.token, png), 409) // not_awaiting_information: nothing was asked yet
    await requestInfo(id, { fields: ['plate'], documents: ['driving_licence_photo'], message: '请补充车牌号和驾驶证照片' })
    alike(await up(first.token, Buffer.from('%PDF-1.4 not a photo').toString('base64')), 415) // upload_not_image
    alike(await up(first.token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024), Buffer.from([0xff, 0xd9])]).toString('base64')), 413) // upload_too_large
    const photo = idOf(alike(await up(first.token, png), 201))
    const later = await sessionFor('parity-mc') // days later: a new session of the same platform user
    const [seen] = alike(await both('GET', '/v1/me/membership', { key: later.token }), 200)
    expect(seen.body).toMatchObject({ status: null, information_request: { fields: ['plate'] } })
    alike(await each('POST', (t) => `/v1/applications/${id(t)}/respond`, later.token, { upload_ids: [] }), 422) // information_incomplete (fields.plate)
    alike(await each('POST', (t) => `/v1/applications/${id(t)}/respond`, later.token, { fields: { plate: '苏A12345', name: '改名' } }), 400) // a field not asked for
    alike(await each('POST', (t) => `/v1/applications/${id(t)}/respond`, later.token, { fields: { plate: '苏A12345' } }), 422) // information_incomplete (the photo)
    const body = (t: Target) => ({ fields: { plate: '苏A12345' }, upload_ids: [photo(t)] })
    const respond = (key: (t: Target) => string) => Promise.all(targets.map(async (t) => {
      const res = await fetch(`${t.baseUrl}/v1/applications/${id(t)}/respond`, { method: 'POST', headers: { authorization: `Bearer ${key(t)}`, 'content-type': 'application/json' }, body: JSON.stringify(body(t)) })
      return { status: res.status, body: (await res.json()) as Record<string, unknown> }
    })) as Promise<[Answer, Answer]>
    alike(await respond(later.token), 422) // upload_not_usable: the earlier session's photo
    alike(await respond(first.token), 200)
    alike(await respond(first.token), 409) // answered: not_awaiting_information

    // A member: the member centre's actions and their refusals alike; cards differ by design (the registry signs them).
    await Promise.all(targets.map((t) => t.approve(id(t))))
    const member = later // the same platform user, now a member
    const noCard = ([a, b]: [Answer, Answer]): [Answer, Answer] => [a, b].map((x) => ({ ...x, body: { ...x.body, card: x.body.card ? 'card' : null } })) as unknown as [Answer, Answer]
    const [a, b] = await both('GET', '/v1/me/membership', { key: member.token })
    expect(shapeOf(b.body)).toEqual(shapeOf(a.body))
    alike(noCard([a, b]), 200)
    alike(await both('POST', '/v1/me/membership/profile', { key: member.token, body: { mobile: '12345' } }), 400)
    alike(await both('POST', '/v1/me/membership/transfer-options', { key: member.token, body: { base_region: { county: '340104' } } }), 200)
    alike(await both('POST', '/v1/me/membership/leave/cancel', { key: member.token }), 409) // no_pending_leave
    const [leaving] = alike(noCard(await both('POST', '/v1/me/membership/leave', { key: member.token, body: { reason: 'personal' } })), 200)
    expect(leaving.body).toMatchObject({ leave_request: { status: 'pending' } })
    alike(await both('POST', '/v1/me/membership/leave', { key: member.token, body: { reason: 'personal' } }), 409) // leave_pending
    alike(await both('POST', '/v1/me/membership/transfer', { key: member.token, body: { base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' } }), 409) // leave_pending
    alike(noCard(await both('POST', '/v1/me/membership/leave/cancel', { key: member.token })), 200)
    alike(await both('POST', '/v1/me/membership/transfer', { key: member.token, body: { base_region: { county: '340104' }, to_org_id: 'org_nf_320115', reason: 'relocation' } }), 409) // already_member
    alike(await both('POST', '/v1/me/membership/transfer', { key: member.token, body: { base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' } }), 201)
    alike(await both('POST', '/v1/me/membership/transfer', { key: member.token, body: { base_region: { county: '340104' }, to_org_id: 'org_nf_340104', reason: 'relocation' } }), 409) // transfer_in_progress
    alike(await both('POST', '/v1/me/membership/leave', { key: member.token, body: { reason: 'personal' } }), 409) // transfer_in_progress
    alike(await both('GET', `/v1/cards/verify?payload=${encodeURIComponent('RUHUI1.e30.AAAA')}`), 200) // unknown
    alike(await both('GET', '/v1/cards/verify'), 400)
    // A member who left: membership_not_active.
    const leaver = await sessionFor('parity-leaver')
    const lid = idOf(alike(await both('POST', '/v1/applications', { key: leaver.token, body: submission('242') }), 201))
    await Promise.all(targets.map((t) => t.approve(lid(t))))
    const back = await sessionFor('parity-leaver')
    const asked = await both('POST', '/v1/me/membership/leave', { key: back.token, body: { reason: 'retired' } })
    const leaveId = (i: 0 | 1) => (asked[i].body.leave_request as { id: string }).id
    expect((await staff(`/v1/review/leave-requests/${leaveId(0)}/confirm`, {})).status).toBe(200)
    sandbox.decideLeave(leaveId(1), 'confirm')
    alike(await both('POST', '/v1/me/membership/profile', { key: back.token, body: { mobile: '13912345678' } }), 409) // membership_not_active
  })

  it('every error code a request can cause came back alike from both', () => {
    // Caused by the server, not the request: checked on the dispatcher (dispatch.test.ts).
    const serverSide: ErrorCode[] = ['lock_conflict', 'rate_limited', 'internal_error', 'service_unavailable']
    const missing = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => !covered.has(c) && !serverSide.includes(c))
    expect(missing).toEqual([])
  })
})
