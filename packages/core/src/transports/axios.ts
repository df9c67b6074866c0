/**
 * `@ruhui/core/axios`: a transport on an axios instance (axios is an optional peer dependency).
 * The only file in core that imports axios.
 */
import axios, { type AxiosInstance } from 'axios'
import { type HttpTransport, type TransportRequest, type TransportResponse, TransportError } from '../http/transport'

/** @example createRegistryClient({ baseUrl, secretKey, transport: createAxiosTransport() }) */
export function createAxiosTransport(instance: AxiosInstance = axios.create()): HttpTransport {
  const name = 'axios'
  return {
    name,
    async send(request: TransportRequest): Promise<TransportResponse> {
      try {
        const res = await instance.request<string>({
          url: request.url,
          method: request.method,
          headers: request.headers,
          data: request.body,
          timeout: request.timeoutMs,
          // Every status resolves, and the body stays text: the client parses and validates it.
          validateStatus: () => true,
          responseType: 'text',
          transformResponse: [(data: unknown) => data],
        })
        const headers: Record<string, string> = {}
        for (const [k, v] of Object.entries(res.headers ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v)
        return { status: res.status, headers, body: typeof res.data === 'string' ? res.data : JSON.stringify(res.data ?? '') }
      } catch (e) {
        const code = (e as { code?: string })?.code
        if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw new TransportError('timeout', name, `no response within ${request.timeoutMs} ms`, { cause: e })
        if (code === 'ERR_CANCELED') throw new TransportError('aborted', name, 'request aborted', { cause: e })
        throw new TransportError('network_error', name, `request failed: ${(e as Error)?.message ?? String(e)}`, { cause: e })
      }
    },
  }
}
