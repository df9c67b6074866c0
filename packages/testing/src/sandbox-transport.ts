/**
 * The sandbox as an HttpTransport: a client's requests go straight to the sandbox's handler,
 * in-process, without msw or a network stack — for tests of a Taro or mini-program host where
 * msw cannot intercept the platform's request API.
 */
import type { HttpTransport } from '@ruhui/core/client'

export function createSandboxTransport(sandbox: { handle(request: Request): Promise<Response> }): HttpTransport {
  return {
    name: 'sandbox',
    async send(r) {
      const res = await sandbox.handle(new Request(r.url, { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) }))
      const headers: Record<string, string> = {}
      res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v))
      return { status: res.status, headers, body: await res.text() }
    },
  }
}
