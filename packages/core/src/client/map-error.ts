/** The one place where wire errors become RegistryError subclasses (stripe's generateV1Error). */
import type { Locale } from '../enums'
import { ERROR_CODES, type ErrorCodeInfo, errorBody } from '../contract/errors'
import {
  RegistryApiError,
  RegistryAuthenticationError,
  RegistryError,
  type RegistryErrorInit,
  type RegistryErrorType,
  RegistryIdempotencyError,
  RegistryInvalidRequestError,
  RegistryPermissionError,
  RegistryRateLimitError,
} from './errors'

const FAMILIES: Record<string, new (init: RegistryErrorInit) => RegistryError> = {
  invalid_request_error: RegistryInvalidRequestError,
  authentication_error: RegistryAuthenticationError,
  permission_error: RegistryPermissionError,
  idempotency_error: RegistryIdempotencyError,
  rate_limit_error: RegistryRateLimitError,
  api_error: RegistryApiError,
}

function typeForStatus(status: number): RegistryErrorType {
  if (status === 401) return 'authentication_error'
  if (status === 403) return 'permission_error'
  if (status === 429) return 'rate_limit_error'
  if (status >= 500) return 'api_error'
  return 'invalid_request_error'
}

/** Words for a driver when the registry sent none, in the client's language. */
export function fallbackUserMessage(code: string, status: number, locale: Locale = 'zh-CN'): string {
  const info = (ERROR_CODES as Record<string, ErrorCodeInfo>)[code] ?? (status >= 500 ? ERROR_CODES.internal_error : ERROR_CODES.invalid_request)
  return locale === 'en' ? info.en : info.zh
}

/** The client's own words (no reply to take them from), per language. */
export const CLIENT_MESSAGES = {
  timeout: { zh: '网络较慢，请求超时，请稍后再试', en: 'The network is slow and the request timed out; try again later' },
  network: { zh: '网络连接失败，请检查网络后重试', en: 'Could not connect; check the network and try again' },
  invalid_response: { zh: '服务返回的数据有误，请稍后再试', en: 'The service answered with something unexpected; try again later' },
} as const

export const clientMessage = (key: keyof typeof CLIENT_MESSAGES, locale: Locale) => (locale === 'en' ? CLIENT_MESSAGES[key].en : CLIENT_MESSAGES[key].zh)

/** Build the error for a non-2xx response. `what` is e.g. 'POST /v1/applications'. */
export function mapError(what: string, status: number, body: string, headers: Record<string, string>, retryAfterMs?: number, locale: Locale = 'zh-CN'): RegistryError {
  let parsed: ReturnType<typeof errorBody.safeParse> | undefined
  try {
    parsed = errorBody.safeParse(JSON.parse(body))
  } catch {
    parsed = undefined
  }
  const requestId = headers['request-id']
  if (parsed?.success) {
    const e = parsed.data.error
    const init: RegistryErrorInit = {
      type: e.type,
      code: e.code,
      message: `[@ruhui/core] ${what} → ${status} ${e.type}/${e.code}${e.param ? ` (param: ${e.param})` : ''}`,
      userMessage: e.message || fallbackUserMessage(e.code, status, locale),
      statusCode: status,
    }
    const rid = e.request_id || requestId
    if (rid !== undefined) init.requestId = rid
    if (e.param !== undefined) init.param = e.param
    if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs
    const Family = FAMILIES[e.type] ?? RegistryApiError
    return new Family(init)
  }
  // Not the API's error shape (a proxy's page, an empty body): classify by status.
  const type = typeForStatus(status)
  const code = status === 429 ? 'rate_limited' : status >= 500 ? 'internal_error' : 'invalid_request'
  const init: RegistryErrorInit = { type, code, message: `[@ruhui/core] ${what} → ${status} with a body that is not the API's error shape`, userMessage: fallbackUserMessage(code, status, locale), statusCode: status }
  if (requestId !== undefined) init.requestId = requestId
  if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs
  return new (FAMILIES[type] ?? RegistryApiError)(init)
}
