// What WeChat gives a mini-program that miniprogram-simulate does not: wx.request answered
// by the registry sandbox (and by a stand-in of the platform's backend that mints sessions
// with the platform's secret key and exchanges phone-number codes), and a storage that keeps
// what it is given.
import { createRegistryClient } from '@ruhui/core/client'
import { TEST_SECRET_KEY, type RegistrySandbox, createSandboxTransport } from '@ruhui/testing'

type WxRequestOptions = {
  url: string
  method?: string
  header?: Record<string, string>
  data?: unknown
  dataType?: string
  success?(res: { statusCode: number; header: Record<string, string>; data: unknown; errMsg: string }): void
  fail?(err: { errMsg: string }): void
  complete?(res: unknown): void
}

export function wxStandIn(sandbox: RegistrySandbox, platformUrl: string) {
  const backend = createRegistryClient({ baseUrl: sandbox.baseUrl, secretKey: TEST_SECRET_KEY, transport: createSandboxTransport(sandbox), maxRetries: 0 })
  const storage = new Map<string, unknown>()
  const requests: string[] = []
  const navigations: string[] = []
  const phoneCodes: string[] = []
  /** What the platform's backend says it verified (the session's `prefill`), for the sessions it mints; null: nothing. */
  const platform: { prefill: Record<string, unknown> | null } = { prefill: null }

  async function answer(o: WxRequestOptions): Promise<{ statusCode: number; header: Record<string, string>; text: string }> {
    const url = new URL(o.url)
    if (o.url.startsWith(platformUrl)) {
      // The platform's phone-number exchange (its backend asks WeChat; examples/platform-backend tests that).
      if (/^\/api\/drivers\/[\w-]+\/phone-number$/.test(url.pathname)) {
        const { code } = JSON.parse(String(o.data)) as { code: string }
        phoneCodes.push(code)
        return { statusCode: 200, header: { 'Content-Type': 'application/json' }, text: JSON.stringify({ mobile: '13912345678', verified_at: '2026-11-28T10:00:00.000Z' }) }
      }
      const m = /^\/api\/drivers\/([\w-]+)\/join-session$/.exec(url.pathname)
      if (!m) return { statusCode: 404, header: {}, text: '{"error":{"code":"not_found"}}' }
      const prefill = platform.prefill
      const s = await backend.joinSessions.create({ platform_user_id: `driver_${m[1]}`, ...(prefill ? { prefill } : {}) })
      return { statusCode: 200, header: { 'Content-Type': 'application/json' }, text: JSON.stringify({ session_id: s.id, join_token: s.join_token, expires_at: s.expires_at, ...(prefill ? { prefill } : {}) }) }
    }
    const body = typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data)
    const res = await sandbox.handle(new Request(o.url, { method: o.method ?? 'GET', headers: o.header ?? {}, ...(body !== undefined && o.method !== 'GET' ? { body } : {}) }))
    return { statusCode: res.status, header: Object.fromEntries(res.headers), text: await res.text() }
  }

  const wx = {
    request(o: WxRequestOptions) {
      requests.push(`${o.method ?? 'GET'} ${o.url}`)
      answer(o).then(
        (r) => {
          let data: unknown = r.text
          if (o.dataType === 'json') {
            try {
              data = JSON.parse(r.text)
            } catch {
              data = r.text
            }
          }
          const res = { statusCode: r.statusCode, header: r.header, data, errMsg: 'request:ok' }
          o.success?.(res)
          o.complete?.(res)
        },
        (e: Error) => {
          const err = { errMsg: `request:fail ${e.message}` }
          o.fail?.(err)
          o.complete?.(err)
        },
      )
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    navigateTo(o: { url: string; success?(r: unknown): void; complete?(r: unknown): void }) {
      navigations.push(o.url)
      const res = { errMsg: 'navigateTo:ok' }
      o.success?.(res)
      o.complete?.(res)
    },
  }
  return { wx, requests, navigations, storage, phoneCodes, platform }
}
