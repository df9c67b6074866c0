/**
 * Operations endpoints, mounted first on the app (one line in app.ts):
 * - `/health/ready`: 200 when the database answers within two seconds, else 503 with the error
 *   shape, so a load balancer takes a process out of rotation when its database is gone.
 *   (`/health` stays the liveness check: the process answers.)
 * - `/metrics`: Prometheus text format (prom-client): requests by method, route and status,
 *   their latencies, the outbox backlog and the age of its oldest pending event, the write queue's
 *   depth and batches, and Node's process metrics. Counts only, no personal data; still, keep it
 *   off the public proxy, or set RUHUI_METRICS_TOKEN and scrape with `Authorization: Bearer …`.
 */
import { timingSafeEqual } from 'node:crypto'
import type { Hono } from 'hono'
import { routePath } from 'hono/route'
import { sql } from 'kysely'
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client'
import type { RegistryContext } from '../domain/context'
import { errorResponse } from './respond'

// biome-ignore lint/suspicious/noExplicitAny: any Hono app (its variables do not matter here)
type AnyApp = Hono<any>

export function mountOperations(app: AnyApp, ctx: RegistryContext): void {
  const register = new Registry()
  collectDefaultMetrics({ register })
  const requests = new Counter({ name: 'ruhui_http_requests_total', help: 'HTTP requests answered, by method, route and status', labelNames: ['method', 'route', 'status'], registers: [register] })
  const latency = new Histogram({ name: 'ruhui_http_request_duration_seconds', help: 'Time to answer, by method and route', labelNames: ['method', 'route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [register] })
  new Gauge({
    name: 'ruhui_write_queue_depth',
    help: 'Writes waiting for the next group commit',
    registers: [register],
    collect() {
      this.set(ctx.writer.depth)
    },
  })
  new Gauge({
    name: 'ruhui_write_batches',
    help: 'Group-commit batches committed by this process since it started',
    registers: [register],
    collect() {
      this.set(ctx.writer.stats.batches)
    },
  })
  // Both outbox gauges from one query, read when scraped (every process sees the whole outbox).
  const pending = new Gauge({ name: 'ruhui_outbox_pending_deliveries', help: 'Webhook deliveries not yet delivered or given up (all processes)', registers: [register] })
  const oldest = new Gauge({ name: 'ruhui_outbox_oldest_pending_seconds', help: 'Age of the oldest event still waiting for delivery (0 when none)', registers: [register] })
  const readOutbox = async () => {
    const row = (await sql<{ n: number | string; oldest: string | null }>`select count(*) as n, min(e.created_at) as oldest from deliveries d join events e on e.id = d.event_id where d.status = 'pending'`.execute(ctx.db)).rows[0]
    pending.set(Number(row?.n ?? 0))
    oldest.set(row?.oldest ? Math.max(0, (ctx.now() - Date.parse(row.oldest)) / 1000) : 0)
  }

  app.use('*', async (c, next) => {
    const started = performance.now()
    await next()
    // The route's pattern, not the path (bounded labels); a 404 that no route took is 'unmatched'.
    const path = routePath(c, -1)
    const route = c.res.status === 404 && path.endsWith('*') ? 'unmatched' : path
    requests.inc({ method: c.req.method, route, status: String(c.res.status) })
    latency.observe({ method: c.req.method, route }, (performance.now() - started) / 1000)
  })

  app.get('/health/ready', async (c) => {
    try {
      await Promise.race([sql`select 1`.execute(ctx.db), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000).unref())])
      return c.json({ status: 'ready', storage: ctx.dialect })
    } catch (e) {
      ctx.log.warn({ err: { message: (e as Error).message } }, 'not ready: the database does not answer')
      return errorResponse(c, 'service_unavailable', { message: '数据库暂时无法访问，本进程暂不接收请求' })
    }
  })

  app.get('/metrics', async (c) => {
    const token = process.env.RUHUI_METRICS_TOKEN
    if (token) {
      const given = Buffer.from(c.req.header('authorization') ?? '')
      const wanted = Buffer.from(`Bearer ${token}`)
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return errorResponse(c, 'invalid_api_key', { message: '需要监控令牌（RUHUI_METRICS_TOKEN）' })
    }
    await readOutbox()
    return c.body(await register.metrics(), 200, { 'content-type': register.contentType })
  })
}
