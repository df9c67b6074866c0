/** A refusal the API answers with its one error shape (never a 500): thrown by handlers and authentication alike. */
import type { ErrorCode } from '../contract/errors'

export interface RefusalExtra {
  /** The field at fault, on the wire: 'applicant.id_number'. */
  param?: string
  /** Words for the driver in Chinese, when the code's own are too general. */
  message?: string
  /** The same in English; without it an English caller gets the code's English words. */
  en?: string
  /** Extra response headers (Retry-After). */
  headers?: Record<string, string>
}

export class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly extra: RefusalExtra = {},
  ) {
    super(code)
  }
}

/** A body over the limit, in the same words wherever it is caught (the dispatcher, or a server's streaming limit). */
export function payloadTooLarge(maxBytes: number): Refusal {
  const kb = Math.round(maxBytes / 1024)
  return new Refusal('payload_too_large', { message: `请求内容太大（最大 ${kb} KB）`, en: `The request body is too large (at most ${kb} KB)` })
}
