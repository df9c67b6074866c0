// Bad input: every endpoint that takes a body, fed malformed bodies made from its schema
// (missing fields, wrong types, wrong shapes, broken JSON), answers 4xx with the error shape,
// never 500, and nothing in the database changes.
import fc from 'fast-check'
import { beforeAll, expect, it } from 'vitest'
import * as z from 'zod/mini'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { ROUTES } from '@ruhui/core/contract'
import { makeTestIdNumber, testConsents, testIdentities } from '@ruhui/testing'
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
    fc.constantFrom(...required).map((p) => JSON.stringify(setAt(valid, p, undefined))),
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
    const app = await d2.applications.submit({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '321' }), employment_form: 'employee' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter_accepted: true })
    Object.assign(auth, { platform: p.secret_key, token: s1.join_token, transferToken: s2.join_token, reviewer: r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '省'])['key'], appId: app.id })
  })

  const endpoints = (): Array<[string, string, string, Json, Schema]> => [
    ['/v1/join-sessions', auth.platform, 'create session', { platform_user_id: 'x1', locale: 'zh-CN', prefill: { name: '张三', base_region: { county: '320115' } } }, jsonSchema(ROUTES.createJoinSession.body)],
    [
      '/v1/applications',
      auth.token,
      'submit',
      { applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '322' }), employment_form: 'platform_self_employed', plate: '苏A12345' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents() as unknown as Json, charter_accepted: true },
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

  it('oversized bodies and unknown routes are 4xx too', async () => {
    const r = registry()
    const big = await fetch(`${r.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${auth.platform}` }, body: JSON.stringify({ platform_user_id: 'x'.repeat(100_000) }) })
    expect(big.status).toBe(413)
    expect((await fetch(`${r.baseUrl}/v1/nowhere`)).status).toBe(404)
    expect((await fetch(`${r.baseUrl}/v1/applications`, { method: 'DELETE', headers: { authorization: `Bearer ${auth.platform}` } })).status).toBe(404)
  })
})
