// Bad input: every endpoint that takes a body, fed malformed bodies made from its schema
// (missing fields, wrong types, wrong shapes, broken JSON), answers 4xx with the error shape,
// never 500, and nothing in the database changes. The reviewer routes too (issue #19): every
// body route from its schema, every query parameter with values out of type or range.
import fc from 'fast-check'
import { beforeAll, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { ROUTES } from '@ruhui/core/contract'
import { BODY } from '../src/http/review-schemas'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { rowCounts } from './row-counts'

type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

/** Every path to a leaf or object in a JSON value. */
function paths(v: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (v === null || typeof v !== 'object') return [prefix]
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v)
  return [prefix, ...entries.flatMap(([k, x]) => paths(x as Json, [...prefix, k]))]
}

function setAt(v: Json, path: Array<string | number>, value: Json | undefined): Json {
  if (path.length === 0) return value as Json
  const copy = structuredClone(v) as Record<string | number, Json>
  let cur = copy as Record<string | number, Json>
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>
  const last = path[path.length - 1] as string | number
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1)
    else delete cur[last]
  } else cur[last] = value
  return copy as Json
}

type Schema = { type?: string | string[]; properties?: Record<string, Schema>; required?: string[]; items?: Schema; anyOf?: Schema[]; const?: unknown; enum?: unknown[] }

/** The sub-schema at a path, and whether the last step is required. */
function schemaAt(root: Schema, path: Array<string | number>): { schema: Schema | undefined; required: boolean } {
  let cur: Schema | undefined = root
  let required = true
  for (const k of path) {
    const options: Schema[] = cur?.anyOf ?? (cur ? [cur] : [])
    const holder = options.find((o) => (typeof k === 'number' ? o.items : o.properties?.[k]))
    if (!holder) return { schema: undefined, required: false }
    required = typeof k === 'number' ? false : (holder.required ?? []).includes(k)
    cur = typeof k === 'number' ? holder.items : holder.properties?.[k]
  }
  return { schema: cur, required }
}

/** A value whose JSON type the schema does not allow (never a lucky valid value). */
function wrongTypeFor(schema: Schema | undefined): fc.Arbitrary<Json> {
  const types = new Set([schema?.type ?? [], ...(schema?.anyOf ?? []).map((o) => o.type ?? [])].flat())
  if (schema?.const !== undefined) types.add(typeof schema.const)
  const pool: Array<[string, fc.Arbitrary<Json>]> = [
    ['string', fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })],
    ['number', fc.integer()],
    ['integer', fc.integer()],
    ['boolean', fc.boolean()],
    ['null', fc.constant(null)],
    ['array', fc.array(fc.integer(), { maxLength: 2 })],
    ['object', fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }) as fc.Arbitrary<Json>],
  ]
  const allowed = (t: string) => types.has(t) || (t === 'integer' && types.has('number')) || (t === 'number' && types.has('integer'))
  return fc.oneof(...pool.filter(([t]) => !allowed(t)).map(([, a]) => a))
}

/** A malformed variant of a valid body, made from its schema: a required field removed, a field of the wrong type, a wrong shape, broken JSON. */
function malformed(valid: Json, schema: Schema): fc.Arbitrary<string> {
  const all = paths(valid).filter((p) => p.length > 0)
  const required = all.filter((p) => schemaAt(schema, p).required)
  return fc.oneof(
    ...(required.length > 0 ? [fc.constantFrom(...required).map((p) => JSON.stringify(setAt(valid, p, undefined)))] : []),
    fc.constantFrom(...all).chain((p) => wrongTypeFor(schemaAt(schema, p).schema).map((w) => JSON.stringify(setAt(valid, p, w)))),
    fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.array(fc.string())).map((x) => JSON.stringify(x)),
    fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `{${s}`),
  )
}

const jsonSchema = (s: unknown) => z.toJSONSchema(s as never, { unrepresentable: 'any' }) as Schema
const REJECT_BODY: Schema = { type: 'object', properties: { reason: { type: 'string' } }, required: ['reason'] }

eachDialect('bad input', (registry) => {
  const auth = {} as { platform: string; token: string; transferToken: string; reviewer: string; appId: string }
  beforeAll(async () => {
    const r = registry()
    const p = r.cli(['platform', 'create', '--name', '模糊测试平台', '--id', 'P-FUZZ'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    const s1 = await api.joinSessions.create({ platform_user_id: 'fuzz-submit' })
    const s2 = await api.joinSessions.create({ platform_user_id: 'fuzz-app' })
    const d2 = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s2.join_token as string, transport: createFetchTransport() })
    const app = await d2.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '321' }), employment_form: 'employee' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
    Object.assign(auth, { platform: p.secret_key, token: s1.join_token, transferToken: s2.join_token, reviewer: r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '省'])['key'], appId: app.id })
  })

  const endpoints = (): Array<[string, string, string, Json, Schema]> => [
    ['/v1/join-sessions', auth.platform, 'create session', { platform_user_id: 'x1', locale: 'zh-CN', prefill: { name: '张三', base_region: { county: '320115' } } }, jsonSchema(ROUTES.createJoinSession.body)],
    [
      '/v1/applications',
      auth.token,
      'submit',
      { applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '322' }), employment_form: 'platform_self_employed', plate: '苏A12345' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents() as unknown as Json, charter: testCharter() },
      jsonSchema(ROUTES.submitApplication.body),
    ],
    ['/v1/transfers', auth.transferToken, 'transfer', { to_org_id: 'org_nf_320506', reason: 'relocation' }, jsonSchema(ROUTES.requestTransfer.body)],
    ['/v1/organisations/match', auth.token, 'match', { employment_form: 'employee', base_region: { county: '320115' } }, jsonSchema(ROUTES.matchOrganisations.body)],
    [`/v1/review/applications/${auth.appId}/reject`, auth.reviewer, 'reject', { reason: '理由' }, REJECT_BODY],
  ]

  it('answers 4xx with the error shape, never 500, and changes nothing', async () => {
    const r = registry()
    const before = await rowCounts(r)
    let runs = 0
    for (const [path, key, label, valid, schema] of endpoints()) {
      await fc.assert(
        fc.asyncProperty(malformed(valid, schema), async (body) => {
          runs++
          const res = await fetch(`${r.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body })
          const json = (await res.json()) as { error?: { type: string; code: string; message: string; request_id: string } }
          if (res.status < 400 || res.status >= 500) throw new Error(`${label}: ${res.status} for ${body.slice(0, 200)}`)
          expect(json.error?.request_id, label).toMatch(/^req_/)
          expect(json.error?.message, label).toMatch(/[\u4e00-\u9fff]/)
        }),
        { numRuns: 60 },
      )
    }
    expect(runs).toBe(300)
    expect(await rowCounts(r)).toEqual(before)
  })

  /** An organisation entry's fields and their JSON types (the directory's rules are in @ruhui/core/matching). */
  const ORG_SCHEMA: Schema = {
    type: 'object',
    properties: { id: { type: 'string' }, name: { type: 'string' }, type: { type: 'string' }, level: { type: 'string' }, isGrassroots: { type: 'boolean' }, regionCode: { type: 'string' }, coverage: { type: 'object', properties: { regionPrefixes: { type: 'array', items: { type: 'string' } } }, required: ['regionPrefixes'] }, parentId: { type: 'string' }, acceptsOnline: { type: 'boolean' }, status: { type: 'string' } },
    required: ['id', 'name', 'type', 'level', 'isGrassroots', 'regionCode', 'coverage', 'parentId', 'acceptsOnline', 'status'],
  }
  const admin = () => auth.reviewer

  it('every reviewer route: malformed bodies and out-of-range queries are 4xx with the error shape, never 500, and change nothing', async () => {
    const r = registry()
    // A root organisation's admin reaches every route (platforms and partners included).
    const root = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '省管理员（模糊测试）', '--role', 'admin'])['key'] as string
    const partnerId = r.cli(['partner', 'create', '--name', '模糊测试单位', '--region-prefix', '32'])['partner_id'] as string
    // A member to search for: the application approved.
    expect((await fetch(`${r.baseUrl}/v1/review/applications/${auth.appId}/approve`, { method: 'POST', headers: { authorization: `Bearer ${admin()}` } })).status).toBe(200)
    const before = await rowCounts(r)
    const call = async (method: string, path: string, body?: string) => {
      const res = await fetch(`${r.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${root}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body }) })
      const json = (await res.json()) as { error?: { type: string; code: string; message: string; request_id: string; param?: string } }
      if (res.status < 400 || res.status >= 500) throw new Error(`${method} ${path}: ${res.status} for ${String(body).slice(0, 200)}`)
      expect(json.error?.request_id, path).toMatch(/^req_/)
      expect(json.error?.message, path).toMatch(/[\u4e00-\u9fff]/)
      return json.error
    }
    const org = { id: 'org_fuzz_1', name: '模糊测试工会', type: 'new_form_federation', level: 'county', isGrassroots: true, regionCode: '320115', coverage: { regionPrefixes: ['320115'] }, parentId: 'org_lf_3201', acceptsOnline: true, status: 'active' }
    const bodies: Array<[string, string, Json, Schema]> = [
      ['POST', '/v1/review/sign-in', { login: 'nobody', password: 'guess' }, jsonSchema(BODY.signIn)],
      ['POST', `/v1/review/applications/${auth.appId}/request_info`, { reason: '补充', org_id: 'org_nf_320115' }, jsonSchema(BODY.act)],
      ['POST', '/v1/review/members/CARD-NONE/status', { status: 'retained', reason: '理由' }, jsonSchema(BODY.memberStatus)],
      ['POST', '/v1/review/members/CARD-NONE/expel', { reason: '理由' }, jsonSchema(BODY.memberAction)],
      ['POST', '/v1/review/leave-requests/lvr_none/decline', { reason: '理由' }, jsonSchema(BODY.memberAction)],
      ['POST', '/v1/review/platforms', { name: '模糊平台', webhook_url: 'https://example.com/hook' }, jsonSchema(BODY.platform)],
      ['POST', '/v1/review/platforms/P-FUZZ/roll', { what: 'secret_key', expires_in_hours: 1 }, jsonSchema(BODY.roll)],
      ['POST', '/v1/review/platforms/P-FUZZ/web', { allowed_origins: ['https://app.example.com'], return_urls: ['https://app.example.com/done'] }, jsonSchema(BODY.platformWeb)],
      ['POST', `/v1/review/partners/${partnerId}/roll`, { expires_in_hours: 1 }, jsonSchema(BODY.roll)],
      ['POST', '/v1/review/partners', { name: '模糊单位', kind: 'industry_association' }, jsonSchema(BODY.partner)],
      ['POST', '/v1/review/services', { kind: 'driver_home', name: '模糊司机之家', provider_org_id: 'org_lf_32', region_prefixes: ['32'], location: { lat: 32, lng: 118.8, address: '南京' }, members_only: true }, jsonSchema(BODY.service)],
      ['POST', '/v1/review/organisations', org, ORG_SCHEMA],
    ]
    let runs = 0
    for (const [method, path, valid, schema] of bodies) {
      await fc.assert(
        fc.asyncProperty(malformed(valid, schema), async (body) => {
          runs++
          await call(method, path, body)
        }),
        { numRuns: 25 },
      )
    }
    // Routes whose body is free-form or partial: the wrong shapes.
    const shapes = ['null', '[]', '[{}]', '42', '"text"', '{"a":', 'not json']
    for (const [method, path] of [['PATCH', '/v1/review/organisations/org_nf_320115'], ['POST', '/v1/review/organisations/import'], ['POST', '/v1/review/transfers/tr_none/accept'], ['PATCH', '/v1/review/services/svc_none'], ['POST', '/v1/review/applications/none/approve']] as const) {
      for (const body of shapes) {
        if (path.endsWith('/import') && (body === '[]' || body === '[{}]')) continue // an array is a directory file
        runs++
        await call(method, path, body)
      }
    }
    // Queries: values out of type or range for each parameter, and a parameter given twice.
    const notOneOf = (values: string[]) => fc.string({ maxLength: 12 }).filter((v) => !values.includes(v))
    const badLimit = fc.oneof(fc.integer({ max: 0 }).map(String), fc.integer({ min: 1001 }).map(String), fc.constantFrom('', ' 5', '1e2', '5.5', '0x10', '-1', 'NaN'))
    const queries: Array<[string, Record<string, fc.Arbitrary<string>>]> = [
      ['/v1/review/applications', { limit: badLimit, status: notOneOf(['submitted', 'under_review', 'needs_info', 'approved', 'rejected', 'withdrawn', 'awaiting_assignment']), region_prefix: fc.string({ maxLength: 12 }).filter((v) => !/^\d{2,9}$/.test(v)), platform_id: fc.constantFrom('%', 'a b', 'x'.repeat(65), '') }],
      [`/v1/review/applications/${auth.appId}`, { reveal: notOneOf(['true', 'false']) }],
      ['/v1/review/transfers', { status: fc.constantFrom('', 'A', '%', 'x'.repeat(31), 'in progress') }],
      ['/v1/review/members', { name_last: fc.constantFrom('', '张三', 'abcde'), id_last4: fc.constantFrom('', '12', 'abcd', '%%%%'), mobile_last4: fc.constantFrom('', '12a4', '%'), card_number: fc.constantFrom('', '%', 'a b') }],
      ['/v1/review/organisations', { limit: badLimit, region_prefix: fc.constantFrom('', '3', '%', 'abc'), q: fc.constant('x'.repeat(101)) }],
      ['/v1/review/audit', { limit: badLimit, action: fc.constantFrom('', 'A', '%', 'x'.repeat(41)) }],
      ['/v1/review/exports/applications.csv', { from: fc.constantFrom('', '2026-13-01', '2026-02-30', 'yesterday', '%'), to: fc.constantFrom('1999', '2026-1-1'), region_prefix: fc.constantFrom('', '3', '%', '1234567') }],
      ['/v1/stats', { threshold: fc.constantFrom('', '0', '-1', '100000', 'x'), from: fc.constantFrom('2026-13-01', 'x') }],
      ['/v1/review/assignable-organisations', { limit: badLimit, near: fc.constantFrom('', '3', '%', 'abc', '1234567890'), q: fc.constant('x'.repeat(101)) }],
    ]
    for (const [path, params] of queries) {
      for (const [name, bad] of Object.entries(params)) {
        await fc.assert(
          fc.asyncProperty(bad, async (value) => {
            runs++
            const error = await call('GET', `${path}?${new URLSearchParams({ [name]: value })}`)
            expect(error?.code, `${path} ${name}=${value}`).toMatch(/^parameter_/)
          }),
          { numRuns: 8 },
        )
      }
      runs++
      await call('GET', `${path}?a=1&a=2`.replace('?a=1&a=2', `?${Object.keys(params)[0]}=1&${Object.keys(params)[0]}=2`))
    }
    expect(runs).toBeGreaterThan(400)
    expect(await rowCounts(r)).toEqual(before)
  })

  it('finding 10 as the attacks: {"status":{}} on member status, limit=-1, and % or _ in member search', async () => {
    const r = registry()
    const get = async (path: string) => fetch(`${r.baseUrl}${path}`, { headers: { authorization: `Bearer ${admin()}` } })
    const card = ((await (await get(`/v1/review/members?name_last=${encodeURIComponent(testIdentities.standard.name.slice(-1))}`)).json()) as { data: Array<{ card_number: string }> }).data[0]?.card_number
    expect(card).toBeDefined()
    for (const status of [{}, { toString: 1 }, ['active'], 1, null]) {
      const res = await fetch(`${r.baseUrl}/v1/review/members/${card}/status`, { method: 'POST', headers: { authorization: `Bearer ${admin()}` }, body: JSON.stringify({ status }) })
      expect([JSON.stringify(status), res.status]).toEqual([JSON.stringify(status), 400])
      expect(((await res.json()) as { error: { param: string } }).error.param).toBe('status')
    }
    expect((await get('/v1/review/applications?limit=-1')).status).toBe(400)
    expect((await get('/v1/review/applications?limit=200')).status).toBe(200)
    for (const wildcard of ['%', '_']) expect(((await (await get(`/v1/review/members?name_last=${encodeURIComponent(wildcard)}`)).json()) as { data: unknown[] }).data).toEqual([])
  })

  it('oversized bodies and unknown routes are 4xx too', async () => {
    const r = registry()
    const big = await fetch(`${r.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${auth.platform}` }, body: JSON.stringify({ platform_user_id: 'x'.repeat(100_000) }) })
    expect(big.status).toBe(413)
    expect((await fetch(`${r.baseUrl}/v1/nowhere`)).status).toBe(404)
    expect((await fetch(`${r.baseUrl}/v1/applications`, { method: 'DELETE', headers: { authorization: `Bearer ${auth.platform}` } })).status).toBe(404)
  })
}, { RUHUI_RATE_LIMIT_REVIEWER: '100000' }) // the reviewer fuzz is hundreds of requests a second: 4xx from the schemas, not 429
