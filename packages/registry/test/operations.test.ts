// Operations, against real registry processes: `backup` while the registry serves and `restore`
// after it stops (SQLite); `/metrics` in Prometheus format counting requests, the outbox backlog and
// its oldest event, the write queue; `/health/ready` turning 503 when PostgreSQL goes away while
// `/health` (liveness) stays 200.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'
import { type RegistryInstance, startRegistry } from './registry-process'

async function submit(r: RegistryInstance, key: string, sequence: string) {
  const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
  const s = await api.joinSessions.create({ platform_user_id: `ops-${sequence}` })
  const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }) }
  return createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() }).applications.submit({ applicant: { ...person, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
}

/** One sample of a metric (with labels containing all of `labels`), from Prometheus text. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line)
    if (!m || m[1] !== name) continue
    const have = Object.fromEntries([...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[3])
  }
  return undefined
}

describe('operations [sqlite]', () => {
  let r: RegistryInstance
  let key = ''
  const dir = mkdtempSync(join(tmpdir(), 'ruhui-backup-'))
  beforeAll(async () => {
    r = await startRegistry({ dialect: 'sqlite' }, { RUHUI_ALLOW_PRIVATE_WEBHOOKS: '1', RUHUI_WEBHOOK_BASE_DELAY_MS: '600000' })
    // Its webhook address answers nothing (a closed port): its events stay pending.
    key = r.cli(['platform', 'create', '--name', '运维平台', '--id', 'P-OPS', '--webhook-url', 'http://127.0.0.1:9/events']).secret_key as string
  })
  afterAll(async () => {
    await r?.stop()
    r?.cleanup()
    rmSync(dir, { recursive: true, force: true })
  })

  it('/metrics counts requests by route, the outbox backlog and its oldest event, the write queue', async () => {
    for (const s of ['801', '802', '803']) await submit(r, key, s)
    await new Promise((resolve) => setTimeout(resolve, 300)) // a delivery attempt fails: still pending
    const res = await fetch(`${r.baseUrl}/metrics`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('text/plain')
    const text = await res.text()
    expect(sample(text, 'ruhui_http_requests_total', { method: 'POST', route: '/v1/join-sessions', status: '201' })).toBe(3)
    expect(sample(text, 'ruhui_http_request_duration_seconds_count', { method: 'POST', route: '/v1/applications' })).toBe(3)
    expect(sample(text, 'ruhui_outbox_pending_deliveries')).toBe(3)
    expect(sample(text, 'ruhui_outbox_oldest_pending_seconds')).toBeGreaterThan(0.2)
    expect(sample(text, 'ruhui_write_queue_depth')).toBe(0)
    expect(sample(text, 'ruhui_write_batches')).toBeGreaterThanOrEqual(3)
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    await fetch(`${r.baseUrl}/no-such-thing`)
    expect(sample(await (await fetch(`${r.baseUrl}/metrics`)).text(), 'ruhui_http_requests_total', { route: 'unmatched', status: '404' })).toBe(1)
  })

  it('/health/ready answers when the database does', async () => {
    const res = await fetch(`${r.baseUrl}/health/ready`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ready', storage: 'sqlite' })
  })

  it('backup while serving, restore after stopping: the data as it was at the backup', async () => {
    const before = await submit(r, key, '811')
    const file = join(dir, 'registry-backup.sqlite')
    const out = r.cli(['backup', '--out', file])
    expect(out).toMatchObject({ file })
    expect(Number(out.bytes)).toBeGreaterThan(0)
    expect(String(out.keys)).toMatch(/keys\.json/)
    expect(() => r.cli(['backup', '--out', file])).toThrow(/exists/) // never overwritten
    const after = await submit(r, key, '812')
    // A file that is not a registry database is refused, and nothing is touched.
    const junk = join(dir, 'junk.sqlite')
    writeFileSync(junk, 'not a database')
    await r.stop()
    expect(() => r.cli(['restore', '--from', junk])).toThrow(/refusing to restore/)
    r.cli(['restore', '--from', file])
    await r.restart()
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    expect((await api.applications.retrieve(before.id)).id).toBe(before.id)
    await expect(api.applications.retrieve(after.id)).rejects.toMatchObject({ code: 'not_found' })
  })
})

describe('operations [postgres]', () => {
  let cluster: PgCluster
  let r: RegistryInstance
  beforeAll(async () => {
    cluster = await startPgCluster()
    r = await startRegistry({ dialect: 'postgres', databaseUrl: createDatabase(cluster.url, `ruhui_ops_${process.pid}`) })
  })
  afterAll(async () => {
    await r?.stop()
    r?.cleanup()
  })

  it('/health/ready is 503 (with the error shape) while PostgreSQL is down; /health stays 200', async () => {
    expect((await fetch(`${r.baseUrl}/health/ready`)).status).toBe(200)
    expect(() => r.cli(['backup', '--out', '/tmp/never.sqlite'])).toThrow(/pg_basebackup/)
    cluster.stop()
    const res = await fetch(`${r.baseUrl}/health/ready`).catch((e) => { console.log(r.logs.join('').slice(-3000)); throw e })
    expect(res.status).toBe(503)
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('service_unavailable')
    expect((await fetch(`${r.baseUrl}/health`)).status).toBe(200)
  })
})
