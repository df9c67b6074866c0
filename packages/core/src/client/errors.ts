/**
 * Errors from the registry: one base class, one subclass per family (the API's `type`).
 * Built only in map-error.ts. They carry ids and codes, never the secret key or the join token.
 */
import { SdkError } from '../errors'

const REGISTRY_ERROR = Symbol.for('ruhui.registry_error')

export type RegistryErrorType =
  | 'invalid_request_error'
  | 'authentication_error'
  | 'permission_error'
  | 'idempotency_error'
  | 'rate_limit_error'
  | 'api_error'
  | 'connection_error' // no response (network, timeout)
  | 'invalid_response_error' // a response that does not follow the contract

export interface RegistryErrorInit {
  type: RegistryErrorType
  code: string
  message: string
  /** Words fit to show a driver (the registry's Chinese message, or a local fallback). */
  userMessage: string
  param?: string
  statusCode?: number
  requestId?: string
  retryAfterMs?: number
  cause?: unknown
}

/** Base of every registry error. Check with `isRegistryError(e)` (works across duplicated bundles). */
export class RegistryError extends SdkError {
  readonly type: RegistryErrorType
  readonly param: string | undefined
  readonly statusCode: number | undefined
  readonly requestId: string | undefined
  readonly userMessage: string
  constructor(init: RegistryErrorInit) {
    super(init.code, init.message, init.cause === undefined ? {} : { cause: init.cause })
    this.name = 'RegistryError'
    this.type = init.type
    this.param = init.param
    this.statusCode = init.statusCode
    this.requestId = init.requestId
    this.userMessage = init.userMessage
    Object.defineProperty(this, REGISTRY_ERROR, { value: true })
  }
}

export class RegistryInvalidRequestError extends RegistryError {
  override readonly name = 'RegistryInvalidRequestError'
}
export class RegistryAuthenticationError extends RegistryError {
  override readonly name = 'RegistryAuthenticationError'
}
export class RegistryPermissionError extends RegistryError {
  override readonly name = 'RegistryPermissionError'
}
export class RegistryIdempotencyError extends RegistryError {
  override readonly name = 'RegistryIdempotencyError'
}
export class RegistryRateLimitError extends RegistryError {
  override readonly name = 'RegistryRateLimitError'
  readonly retryAfterMs: number | undefined
  constructor(init: RegistryErrorInit) {
    super(init)
    this.retryAfterMs = init.retryAfterMs
  }
}
export class RegistryApiError extends RegistryError {
  override readonly name = 'RegistryApiError'
}
export class RegistryConnectionError extends RegistryError {
  override readonly name = 'RegistryConnectionError'
}
export class RegistryResponseError extends RegistryError {
  override readonly name = 'RegistryResponseError'
}

/** True for any registry error; with `type`, only for that family. Works across duplicated bundles. */
export function isRegistryError(error: unknown, type?: RegistryErrorType): error is RegistryError {
  if (typeof error !== 'object' || error === null || (error as Record<symbol, unknown>)[REGISTRY_ERROR] !== true) return false
  return type === undefined || (error as RegistryError).type === type
}
