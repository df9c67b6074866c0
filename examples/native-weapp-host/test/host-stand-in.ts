// The driver app's wx stand-in (examples/driver-app/test/wx-stand-in.ts: wx.request answered by
// the registry sandbox and by a stand-in of the platform's backend), plus the two backend routes
// a native host also calls: a fresh token for a session, and the platform's face check.
import { createRegistryClient } from '@ruhui/core/client'
import { TEST_SECRET_KEY, type RegistrySandbox, createSandboxTransport } from '@ruhui/testing'
import { wxStandIn } from '../../driver-app/test/wx-stand-in'

type Request = Parameters<ReturnType<typeof wxStandIn>['wx']['request']>[0]

export function hostStandIn(sandbox: RegistrySandbox, platformUrl: string) {
  const base = wxStandIn(sandbox, platformUrl)
  const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createSandboxTransport(sandbox), maxRetries: 0 })
  const reply = (o: Request, statusCode: number, body: unknown) => {
    const res = { statusCode, header: { 'Content-Type': 'application/json' }, data: o.dataType === 'json' ? body : JSON.stringify(body), errMsg: 'request:ok' }
    setTimeout(() => {
      o.success?.(res)
      o.complete?.(res)
    })
  }
  const request = (o: Request) => {
    const path = o.url.startsWith(platformUrl) ? o.url.slice(platformUrl.length) : null
    const refresh = path && /^\/api\/join-sessions\/([\w-]+)\/refresh$/.exec(path)
    if (refresh) {
      base.requests.push(`${o.method ?? 'GET'} ${o.url}`)
      backend.joinSessions.refresh(refresh[1]!).then(
        (s) => reply(o, 200, { session_id: s.id, join_token: s.join_token, expires_at: s.expires_at }),
        () => reply(o, 409, { error: { code: 'session_completed', message: '会话已结束' } }),
      )
      return { abort() {} }
    }
    if (path && /^\/api\/drivers\/[\w-]+\/face-check$/.test(path)) {
      base.requests.push(`${o.method ?? 'GET'} ${o.url}`)
      reply(o, 200, { passed: true, verified_at: '2026-11-28T10:00:00.000Z' })
      return { abort() {} }
    }
    return base.wx.request(o)
  }
  return { ...base, wx: { ...base.wx, request } }
}
