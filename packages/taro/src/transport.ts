/**
 * The registry client's transport on Taro.request (wx.request in the mini-program, XHR on h5).
 * Named import: a prebuilt library gets no help from Taro's Babel plugin (TOOLCHAIN.md §2).
 */
import { request as taroRequest } from '@tarojs/taro'
import { type HttpTransport, type TransportRequest, type TransportResponse, TransportError } from '@ruhui/core/client'

/** The slice of Taro.request the transport uses (tests pass their own). */
export type TaroRequestFn = (options: {
  url: string
  method: TransportRequest['method']
  header: Record<string, string>
  data?: string
  timeout: number
  dataType: string
  responseType: 'text'
  success(res: { statusCode: number; header?: Record<string, unknown>; data: unknown }): void
  fail(err: { errMsg?: string }): void
}) => unknown

export function createTaroTransport(request: TaroRequestFn = taroRequest as unknown as TaroRequestFn): HttpTransport {
  const name = 'taro.request'
  return {
    name,
    send(req: TransportRequest): Promise<TransportResponse> {
      return new Promise((resolve, reject) => {
        let settled = false
        // Taro's own timeout is not reliable on every host: keep our own as well.
        const timer = setTimeout(() => {
          if (settled) return
          settled = true
          reject(new TransportError('timeout', name, `no response within ${req.timeoutMs} ms`))
        }, req.timeoutMs)
        const done = (fn: () => void) => {
          if (settled) return
          settled = true
          clearTimeout(timer)
          fn()
        }
        try {
          request({
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
                for (const [k, v] of Object.entries(res.header ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
                const body = typeof res.data === 'string' ? res.data : res.data === undefined || res.data === null ? '' : JSON.stringify(res.data)
                resolve({ status: res.statusCode, headers, body })
              }),
            // WeChat: "request:fail timeout", "request:fail interrupted" (the app went to the background), "request:fail abort" …
            fail: (err) =>
              done(() => {
                const msg = err?.errMsg ?? 'request:fail'
                const code = /timeout|timed out/i.test(msg) ? 'timeout' : /abort/i.test(msg) ? 'aborted' : 'network_error'
                reject(new TransportError(code, name, msg))
              }),
          })
        } catch (e) {
          done(() => reject(new TransportError('network_error', name, `request failed: ${(e as Error)?.message ?? String(e)}`, { cause: e })))
        }
      })
    },
  }
}
