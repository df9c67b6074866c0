// Three registry processes on one throwaway PostgreSQL, requests spread round-robin over them, as
// behind a load balancer: one application however many processes take the same person's
// submissions; every event delivered exactly once (the receiver counts by event id); a rate limit of
// N a second holds across all three; a webhook address changed by another process is used by all
// for the next event; one process killed with SIGKILL mid-load loses no acknowledged application.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient, isRegistryError } from '@ruhui/core/client'
import { generateKeyEnv } from '@ruhui/registry'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'
import { type RegistryInstance, startRegistry } from './registry-process'
import { queryRows } from './row-counts'

const RATE = 20 // a join token's requests a second, a burst of twice that
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A platform backend receiving events: every event id and how often it came. */
function receiver() {
  const seen = new Map<string, number>()
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const id = (JSON.parse(Buffer.concat(chunks).toString()) as { id: string }).id
      seen.set(id, (seen.get(id) ?? 0) + 1)
      res.writeHead(200).end()
    })
  })
  return {
    seen,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/events`,
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () => server.close(),
  }
}

describe('three registry processes on one PostgreSQL', () => {
  let cluster: PgCluster
  const procs: RegistryInstance[] = []
  let turn = 0
  /** The next process, round-robin. */
  const next = () => procs[turn++ % procs.length] as RegistryInstance

  beforeAll(async () => {
    cluster = await startPgCluster()
    const setup = { dialect: 'postgres' as const, databaseUrl: createDatabase(cluster.url, `ruhui_three_${process.pid}`) }
    const shared = { ...generateKeyEnv(), RUHUI_RATE_LIMIT_TOKEN: String(RATE), RUHUI_ALLOW_PRIVATE_WEBHOOKS: '1' } // receivers on 127.0.0.1
    for (let i = 0; i < 3; i++) procs.push(await startRegistry(setup, shared))
  })
  afterAll(async () => {
    for (const p of procs) {
      await p.stop()
      p.cleanup()
    }
    cluster?.stop()
  })

  const platform = (name: string, extra: string[] = []) => procs[0]?.cli(['platform', 'create', '--name', name, ...extra]) as Record<string, string>
  const secretClient = (key: string, base = next().baseUrl) => createRegistryClient({ baseUrl: base, secretKey: key, transport: createFetchTransport(), maxRetries: 0 })
  const body = (sequence: string) => ({ applicant: { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence }), employment_form: 'platform_self_employed' as const }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
  /** A session made on one process, the submission sent to the next. */
  async function submit(key: string, user: string, sequence: string, maxRetries = 0) {
    const s = await secretClient(key).joinSessions.create({ platform_user_id: user })
    return createRegistryClient({ baseUrl: next().baseUrl, joinToken: s.join_token as string, transport: createFetchTransport(), maxRetries }).applications.submit(body(sequence))
  }

  it('50 concurrent submissions for one person, spread over three processes, end in one application', async () => {
    const platforms = Array.from({ length: 5 }, (_, i) => platform(`三进程平台${i}`))
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => submit(platforms[i % 5]?.secret_key as string, `same-${i}`, '901')))
    const ok = results.filter((x) => x.status === 'fulfilled')
    const refused = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected')
    expect(ok).toHaveLength(1)
    expect(new Set(refused.map((x) => (isRegistryError(x.reason) ? x.reason.code : String(x.reason))))).toEqual(new Set(['application_exists']))
    const rows = await queryRows<{ n: string }>(procs[0] as RegistryInstance, 'select count(*) as n from applications')
    expect(Number(rows[0]?.n)).toBe(1)
  })

  it(`a rate limit of ${RATE} a second holds across all three processes together`, async () => {
    const p = platform('限流三进程')
    const token = (await secretClient(p.secret_key as string).joinSessions.create({ platform_user_id: 'busy' })).join_token as string
    const ran: Array<{ status: number; at: number; proc: number }> = []
    const started = Date.now()
    const windowMs = 2000
    // Eight callers, each request to the next process, for two seconds.
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (Date.now() - started < windowMs) {
          const proc = turn++ % 3
          const res = await fetch(`${procs[proc]?.baseUrl}/v1/member-services`, { headers: { authorization: `Bearer ${token}` } })
          await res.arrayBuffer()
          ran.push({ status: res.status, at: Date.now() - started, proc })
        }
      }),
    )
    const elapsed = Math.max(...ran.map((r) => r.at)) / 1000
    const allowed = ran.filter((r) => r.status === 200).length
    // One shared bucket: the burst (2N) plus N a second. Three buckets would allow three times that.
    expect(allowed).toBeLessThanOrEqual(2 * RATE + Math.ceil(RATE * elapsed) + 1)
    expect(allowed).toBeGreaterThanOrEqual(2 * RATE + Math.floor(RATE * (elapsed - 1) * 0.8))
    expect(ran.filter((r) => r.status !== 200).every((r) => r.status === 429)).toBe(true)
    for (const proc of [0, 1, 2]) expect(ran.some((r) => r.proc === proc && r.status === 429)).toBe(true)
  })

  it('every event is delivered exactly once although three processes deliver', async () => {
    const hook = receiver()
    await hook.listen()
    try {
      const p = platform('事件三进程', ['--webhook-url', hook.url()])
      const apps = await Promise.all(Array.from({ length: 45 }, (_, i) => submit(p.secret_key as string, `evt-${i}`, String(300 + i), 2)))
      const events = await queryRows<{ id: string }>(procs[0] as RegistryInstance, `select id from events where platform_id = '${p.platform_id}'`)
      expect(events).toHaveLength(apps.length)
      for (let i = 0; i < 100 && hook.seen.size < events.length; i++) await sleep(100)
      await sleep(600) // several more polls of every worker: a second delivery would show now
      expect(new Set(hook.seen.keys())).toEqual(new Set(events.map((e) => e.id)))
      expect([...hook.seen.values()].every((n) => n === 1)).toBe(true)
    } finally {
      hook.close()
    }
  })

  it('a webhook address changed by another process is used by all three for the next event', async () => {
    const first = receiver()
    const second = receiver()
    await first.listen()
    await second.listen()
    try {
      const p = platform('换地址三进程', ['--webhook-url', first.url()])
      await submit(p.secret_key as string, 'addr-0', '401')
      for (let i = 0; i < 50 && first.seen.size < 1; i++) await sleep(100)
      expect(first.seen.size).toBe(1)
      // The operator changes the address from a separate CLI process; the next events come in on all three.
      procs[2]?.cli(['platform', 'set-webhook', '--id', p.platform_id as string, '--webhook-url', second.url()])
      const apps: string[] = []
      for (let i = 0; i < 3; i++) apps.push((await submit(p.secret_key as string, `addr-${i + 1}`, String(402 + i))).id)
      for (let i = 0; i < 50 && second.seen.size < 3; i++) await sleep(100)
      expect(second.seen.size).toBe(3)
      expect(first.seen.size).toBe(1)
      const delivered = await queryRows<{ status: string }>(procs[0] as RegistryInstance, `select d.status from deliveries d join events e on e.id = d.event_id where e.platform_id = '${p.platform_id}'`)
      expect(delivered.map((d) => d.status)).toEqual(['delivered', 'delivered', 'delivered', 'delivered'])
    } finally {
      first.close()
      second.close()
    }
  })

  it('one process killed with SIGKILL mid-load: every acknowledged application is there', async () => {
    const p = platform('断电三进程')
    const acknowledged: string[] = []
    let failed = 0
    let killed = false
    let n = 0
    await Promise.all(
      Array.from({ length: 12 }, async () => {
        while (n < 240) {
          const sequence = String(500 + n++).padStart(3, '0')
          try {
            acknowledged.push((await submit(p.secret_key as string, `kill-${sequence}`, sequence)).id)
          } catch {
            failed++ // sent to the dead process, or cut off by the kill: not acknowledged
          }
          if (!killed && acknowledged.length >= 40) {
            killed = true
            await procs[1]?.stop('SIGKILL')
          }
        }
      }),
    )
    expect(killed).toBe(true)
    expect(acknowledged.length).toBeGreaterThanOrEqual(100)
    expect(failed).toBeGreaterThan(0)
    const stored = new Set((await queryRows<{ id: string }>(procs[0] as RegistryInstance, `select id from applications where platform_id = '${p.platform_id}'`)).map((r) => r.id))
    expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
    // The survivors answer for every one of them.
    const survivor = secretClient(p.secret_key as string, procs[2]?.baseUrl)
    for (const id of acknowledged.slice(0, 20)) expect((await survivor.applications.retrieve(id)).id).toBe(id)
  })
})
