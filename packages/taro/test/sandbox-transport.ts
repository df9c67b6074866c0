// The registry sandbox of @ruhui/testing as a transport: the component's requests go straight
// to the sandbox's handler, in-process.
import type { HttpTransport } from '@ruhui/core/client'
import type { RegistrySandbox } from '@ruhui/testing'

export function sandboxTransport(sandbox: RegistrySandbox, log: string[] = []): HttpTransport {
  return {
    name: 'sandbox',
    async send(r) {
      log.push(`${r.method} ${new URL(r.url).pathname}`)
      const res = await sandbox.handle(new Request(r.url, { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) }))
      const headers: Record<string, string> = {}
      res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v))
      return { status: res.status, headers, body: await res.text() }
    },
  }
}
