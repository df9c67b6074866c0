/**
 * `@ruhui/core/client`: the registry client (retries that cannot double-submit, typed errors,
 * validated responses) and the fetch transport. The contract is in `@ruhui/core/contract`.
 */
export { createRegistryClient } from './create-registry-client'
export type { SecretKeyClient, JoinTokenClient, SecretKeyClientOptions, JoinTokenClientOptions, JoinTokenAuth, List } from './create-registry-client'
export type { RequestOptions } from './request'
export { createIdempotencyKey } from './request'
export {
  RegistryError,
  RegistryInvalidRequestError,
  RegistryAuthenticationError,
  RegistryPermissionError,
  RegistryIdempotencyError,
  RegistryRateLimitError,
  RegistryApiError,
  RegistryConnectionError,
  RegistryResponseError,
  isRegistryError,
} from './errors'
export type { RegistryErrorType } from './errors'
export { TransportError, isTransportError } from '../http/transport'
export type { HttpTransport, TransportRequest, TransportResponse, TransportErrorCode, HttpMethod } from '../http/transport'
export { createFetchTransport } from '../transports/fetch'
export type { FetchTransportOptions } from '../transports/fetch'
export type { Platform } from '../platform'
