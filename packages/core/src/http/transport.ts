/**
 * The HTTP transport port: plain data in, plain data out, so the same client runs on
 * fetch, axios and Taro.request. A transport resolves for EVERY HTTP status and rejects
 * only when there is no response at all, with a TransportError.
 */
import { SdkError } from '../errors'

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface TransportRequest {
  method: HttpMethod
  url: string
  headers: Record<string, string>
  body?: string
  timeoutMs: number
}

export interface TransportResponse {
  status: number
  /** Lower-case names. */
  headers: Record<string, string>
  body: string
}

export interface HttpTransport {
  /** Shown in errors and logs, e.g. 'fetch', 'axios', 'taro.request'. */
  readonly name: string
  send(request: TransportRequest): Promise<TransportResponse>
}

export type TransportErrorCode = 'network_error' | 'timeout' | 'aborted'

/** No response at all: the connection failed, timed out or was aborted. */
export class TransportError extends SdkError {
  readonly transport: string
  constructor(code: TransportErrorCode, transport: string, detail: string, options: { cause?: unknown } = {}) {
    super(code, `[@ruhui/core] ${transport}: ${detail}`, options)
    this.name = 'TransportError'
    this.transport = transport
  }
}

/** True for a TransportError, even one from another copy of the package. */
export function isTransportError(error: unknown): error is TransportError {
  return error instanceof Error && error.name === 'TransportError' && typeof (error as TransportError).transport === 'string'
}
