// What WeChat gives a mini-program that miniprogram-simulate does not, with real HTTP: wx.request
// goes over the network (fetch) to real servers — the app's configured addresses (config.js) are
// mapped to where the test started them, as the request domains of a real app point at its
// servers — plus a storage that keeps what it is given and a record of the page's scrolling.
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

/** `routes`: configured address → the real one (e.g. 'http://127.0.0.1:8787' → the registry process). */
export function wxOverHttp(routes: Record<string, string>) {
  const storage = new Map<string, unknown>()
  const requests: string[] = []
  const scrolls: number[] = []
  const real = (url: string) => {
    for (const [from, to] of Object.entries(routes)) if (url.startsWith(from)) return to + url.slice(from.length)
    throw new Error(`[wx stand-in] ${url} is not one of the app's request domains (${Object.keys(routes).join(', ')})`)
  }
  const wx = {
    request(o: WxRequestOptions) {
      const method = o.method ?? 'GET'
      requests.push(`${method} ${o.url}`)
      const body = typeof o.data === 'string' ? o.data : o.data === undefined ? undefined : JSON.stringify(o.data)
      Promise.resolve()
        .then(() => fetch(real(o.url), { method, headers: o.header ?? {}, ...(body !== undefined && method !== 'GET' ? { body } : {}) }))
        .then(async (res) => {
          const text = await res.text()
          let data: unknown = text
          if (o.dataType === 'json') {
            try {
              data = JSON.parse(text)
            } catch {
              data = text
            }
          }
          const out = { statusCode: res.status, header: Object.fromEntries(res.headers), data, errMsg: 'request:ok' }
          o.success?.(out)
          o.complete?.(out)
        })
        .catch((e: Error) => {
          const err = { errMsg: `request:fail ${e.message}` }
          o.fail?.(err)
          o.complete?.(err)
        })
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} }
    },
    getStorageSync: (k: string) => (storage.has(k) ? storage.get(k) : ''),
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    pageScrollTo(o: { scrollTop: number }) {
      scrolls.push(o.scrollTop)
    },
  }
  return { wx, requests, storage, scrolls }
}
