// A stand-in for an SMS provider's HTTP endpoint: records what it is sent, checks the bearer
// token, and can be told to fail the next few requests (503) to see the registry try again.
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SmsRequest {
  authorization: string | undefined
  idempotencyKey: string | undefined
  body: { to: string; template: string; params: Record<string, string> }
  raw: string
  status: number
}

export interface SmsStandIn {
  url: string
  token: string
  /** Every request, answered or refused, in order. */
  requests: SmsRequest[]
  /** The messages accepted (2xx), one per idempotency key: what reached phones. */
  delivered(): SmsRequest[]
  failNext(n: number): void
  close(): Promise<void>
}

export async function startSmsStandIn(token = 'sms-token-test'): Promise<SmsStandIn> {
  const requests: SmsRequest[] = []
  let failing = 0
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let status = 200
      if (req.headers.authorization !== `Bearer ${token}`) status = 401
      else if (failing > 0) {
        failing--
        status = 503
      }
      let body = { to: '', template: '', params: {} }
      try {
        body = JSON.parse(raw)
      } catch {
        status = 400
      }
      requests.push({ authorization: req.headers.authorization, idempotencyKey: req.headers['idempotency-key'] as string | undefined, body, raw, status })
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(status === 200 ? { ok: true } : { error: status }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms/send`,
    token,
    requests,
    delivered: () => {
      const seen = new Map<string, SmsRequest>()
      for (const r of requests) if (r.status === 200 && !seen.has(r.idempotencyKey ?? r.raw)) seen.set(r.idempotencyKey ?? r.raw, r)
      return [...seen.values()]
    },
    failNext: (n) => void (failing = n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}
