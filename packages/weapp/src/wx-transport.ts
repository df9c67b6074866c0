/** The registry client's transport on wx.request: resolves for every HTTP status, rejects only without a response. */
import { type HttpTransport, type TransportRequest, type TransportResponse, TransportError } from '@ruhui/core/client'

export function createWxTransport(): HttpTransport {
  const name = 'wx.request'
  return {
    name,
    send(req: TransportRequest): Promise<TransportResponse> {
      return new Promise((resolve, reject) => {
        let settled = false
        const done = (fn: () => void) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          fn()
        }
        // wx.request's own timeout is not reliable on every base library: keep our own as well.
        const timer = setTimeout(() => done(() => reject(new TransportError('timeout', name, `no response within ${req.timeoutMs} ms`))), req.timeoutMs)
        try {
          wx.request({
            url: req.url,
            method: req.method,
            header: req.headers,
            ...(req.body !== undefined ? { data: req.body } : {}),
            timeout: req.timeoutMs,
            // Not 'json': the body stays text, and the client parses and validates it.
            dataType: 'text',
            responseType: 'text',
            success: (res) =>
              done(() => {
                const headers: Record<string, string> = {}
                for (const [k, v] of Object.entries(res.header || {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
                const body = typeof res.data === 'string' ? res.data : res.data === undefined || res.data === null ? '' : JSON.stringify(res.data)
                resolve({ status: res.statusCode, headers, body })
              }),
            // "request:fail timeout", "request:fail interrupted" (the app went to the background), "request:fail abort" …
            fail: (err) =>
              done(() => {
                const msg = (err && err.errMsg) || 'request:fail'
                reject(new TransportError(/timeout|timed out/i.test(msg) ? 'timeout' : /abort/i.test(msg) ? 'aborted' : 'network_error', name, msg))
              }),
          })
        } catch (e) {
          done(() => reject(new TransportError('network_error', name, `request failed: ${(e as Error)?.message ?? String(e)}`, { cause: e })))
        }
      })
    },
  }
}
