// A small closed-loop HTTP load generator: `concurrency` workers on keep-alive connections,
// each sending its next request when the last one answers, for `durationMs`. Loopback only.
// `urls` spreads the workers over several servers (worker k → urls[k % n]), as a balancer would.
import http from 'node:http'

export async function load({ url, urls = [url], concurrency = 50, durationMs = 5000, request }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency })
  const targets = urls.map((u) => new URL(u))
  const latencies = []
  const statuses = new Map()
  let next = 0
  const deadline = performance.now() + durationMs
  const send = (req, target) =>
    new Promise((resolve) => {
      const started = performance.now()
      const r = http.request({ agent, host: target.hostname, port: target.port, path: req.path, method: req.method, headers: req.headers }, (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started }))
      })
      r.on('error', () => resolve({ status: 0, ms: performance.now() - started }))
      if (req.body) r.end(req.body)
      else r.end()
    })
  const started = performance.now()
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      const target = targets[worker % targets.length]
      while (performance.now() < deadline) {
        const req = request(next++)
        if (!req) return
        const { status, ms } = await send(req, target)
        latencies.push(ms)
        statuses.set(status, (statuses.get(status) ?? 0) + 1)
      }
    }),
  )
  const elapsed = (performance.now() - started) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  const q = (p) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] ?? NaN
  return { requests: latencies.length, seconds: elapsed, statuses: Object.fromEntries(statuses), p50: q(0.5), p99: q(0.99) }
}
