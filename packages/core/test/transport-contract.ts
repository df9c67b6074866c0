// The contract every HttpTransport must pass (stripe's createHttpClientTestSuite): run
// against a real local HTTP server. The Taro transport runs it too, with a fake request().
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type HttpTransport, isTransportError } from '@ruhui/core/client'

export function describeTransportContract(name: string, create: () => HttpTransport): void {
  describe(`transport contract: ${name}`, () => {
    let server: Server
    let base = ''
    const seen: Array<{ method: string | undefined; url: string | undefined; headers: Record<string, unknown>; body: string }> = []

    beforeAll(async () => {
      server = createServer((req, res) => {
        let body = ''
        req.setEncoding('utf8')
        req.on('data', (c) => (body += c))
        req.on('end', () => {
          seen.push({ method: req.method, url: req.url, headers: req.headers, body })
          const url = req.url ?? ''
          if (url.startsWith('/slow')) return setTimeout(() => res.end('late'), 2000)
          const status = Number(/status=(\d+)/.exec(url)?.[1] ?? 200)
          res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'X-Request-Id': 'req_contract', 'Retry-After': '2' })
          res.end(JSON.stringify({ echo: body, method: req.method, text: '中文·卡嫂' }))
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('has a name', () => {
      expect(create().name).toBe(name)
    })

    it('GET: status, lower-case headers, the body as text', async () => {
      const res = await create().send({ method: 'GET', url: `${base}/get`, headers: { accept: 'application/json' }, timeoutMs: 5000 })
      expect(res.status).toBe(200)
      expect(res.headers['x-request-id']).toBe('req_contract')
      expect(res.headers['retry-after']).toBe('2')
      expect(typeof res.body).toBe('string')
      expect(JSON.parse(res.body)).toMatchObject({ method: 'GET', text: '中文·卡嫂' })
    })

    it('POST: method, headers and body arrive as sent, UTF-8 intact', async () => {
      const body = JSON.stringify({ name: '买买提·吐尔逊', n: 1 })
      const res = await create().send({ method: 'POST', url: `${base}/post`, headers: { 'content-type': 'application/json', 'idempotency-key': 'k-1' }, body, timeoutMs: 5000 })
      expect(JSON.parse(res.body).echo).toBe(body)
      const last = seen[seen.length - 1]!
      expect(last.method).toBe('POST')
      expect(last.headers['idempotency-key']).toBe('k-1')
    })

    it.each([400, 401, 404, 409, 429, 500, 503])('resolves (does not reject) for %i, with its body', async (status) => {
      const res = await create().send({ method: 'GET', url: `${base}/x?status=${status}`, headers: {}, timeoutMs: 5000 })
      expect(res.status).toBe(status)
      expect(JSON.parse(res.body).method).toBe('GET')
    })

    it('rejects with a TransportError "timeout" when no response comes in time', async () => {
      const err = await create().send({ method: 'GET', url: `${base}/slow`, headers: {}, timeoutMs: 200 }).catch((e: unknown) => e)
      expect(isTransportError(err)).toBe(true)
      expect((err as { code: string }).code).toBe('timeout')
    })

    it('rejects with a TransportError "network_error" when nothing listens', async () => {
      const err = await create().send({ method: 'GET', url: 'http://127.0.0.1:9/', headers: {}, timeoutMs: 2000 }).catch((e: unknown) => e)
      expect(isTransportError(err)).toBe(true)
      expect((err as { code: string }).code).toBe('network_error')
    })
  })
}
