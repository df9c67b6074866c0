/**
 * A transport on WHATWG fetch (Node ≥ 18, browsers, edge runtimes). Not for the
 * mini-program, which has no fetch: use `createTaroTransport` from `@ruhui/taro` there.
 */
import { type HttpTransport, type TransportRequest, type TransportResponse, TransportError } from '../http/transport'

// Minimal structural types, so core needs no DOM library.
interface FetchResponseLike {
  status: number
  headers: { forEach(cb: (value: string, key: string) => void): void }
  text(): Promise<string>
}
type FetchLike = (url: string, init: { method: string; headers: Record<string, string>; body?: string; signal?: unknown }) => Promise<FetchResponseLike>
interface AbortControllerLike {
  signal: unknown
  abort(): void
}

type Globals = { fetch?: FetchLike; AbortController?: new () => AbortControllerLike; setTimeout?: (f: () => void, ms: number) => unknown; clearTimeout?: (t: unknown) => void }
const g = globalThis as unknown as Globals

export interface FetchTransportOptions {
  /** @default globalThis.fetch */
  fetch?: FetchLike
}

export function createFetchTransport(options: FetchTransportOptions = {}): HttpTransport {
  const name = 'fetch'
  return {
    name,
    async send(request: TransportRequest): Promise<TransportResponse> {
      const doFetch = options.fetch ?? g.fetch
      if (typeof doFetch !== 'function') throw new TransportError('network_error', name, 'no fetch on this platform; pass `fetch` or use another transport')
      const controller = g.AbortController ? new g.AbortController() : undefined
      let timedOut = false
      const timer = controller && g.setTimeout ? g.setTimeout(() => ((timedOut = true), controller.abort()), request.timeoutMs) : undefined
      try {
        const init: Parameters<FetchLike>[1] = { method: request.method, headers: request.headers }
        if (request.body !== undefined) init.body = request.body
        if (controller) init.signal = controller.signal
        const res = await doFetch(request.url, init)
        const headers: Record<string, string> = {}
        res.headers.forEach((value, key) => {
          headers[key.toLowerCase()] = value
        })
        const body = await res.text()
        return { status: res.status, headers, body }
      } catch (e) {
        if (timedOut) throw new TransportError('timeout', name, `no response within ${request.timeoutMs} ms`, { cause: e })
        throw new TransportError('network_error', name, `request failed: ${(e as Error)?.message ?? String(e)}`, { cause: e })
      } finally {
        if (timer !== undefined) g.clearTimeout?.(timer)
      }
    },
  }
}
