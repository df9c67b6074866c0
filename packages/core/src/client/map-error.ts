/** The one place where wire errors become RegistryError subclasses (stripe's generateV1Error). */
import type { Locale } from '../enums'
import { errorBody } from '../contract/errors'
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

/**
 * Words for a driver when the registry sent none (a proxy's page, an empty message), by the error's
 * family, in the client's language. The registry's own words come with every reply; the client does not
 * carry a second copy of them.
 */
const FALLBACK_WORDS: Record<RegistryErrorType, { zh: string; en: string }> = {
  invalid_request_error: { zh: '请求内容有误，请检查后重试', en: 'The request is not valid' },
  authentication_error: { zh: '入会链接已失效，请回到平台重新进入', en: 'The link is no longer valid; open it again from the app' },
  permission_error: { zh: '没有权限进行此操作', en: 'This credential may not do that' },
  idempotency_error: { zh: '请求重复且内容不一致，请刷新后重试', en: 'This Idempotency-Key was used with a different request' },
  rate_limit_error: { zh: '操作太频繁，请稍后再试', en: 'Too many requests' },
  api_error: { zh: '服务暂时出了点问题，请稍后再试', en: 'The registry had a problem' },
  connection_error: { zh: '网络连接失败，请检查网络后重试', en: 'Could not connect; check the network and try again' },
  invalid_response_error: { zh: '服务返回的数据有误，请稍后再试', en: 'The service answered with something unexpected; try again later' },
}

export function fallbackUserMessage(type: RegistryErrorType, locale: Locale = 'zh-CN'): string {
  const words = FALLBACK_WORDS[type] ?? FALLBACK_WORDS.api_error
  return locale === 'en' ? words.en : words.zh
}

/** A request that timed out (the one case the families above do not word). */
export const timeoutMessage = (locale: Locale) => (locale === 'en' ? 'The network is slow and the request timed out; try again later' : '网络较慢，请求超时，请稍后再试')

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
      userMessage: e.message || fallbackUserMessage(e.type, locale),
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
  const init: RegistryErrorInit = { type, code, message: `[@ruhui/core] ${what} → ${status} with a body that is not the API's error shape`, userMessage: fallbackUserMessage(type, locale), statusCode: status }
  if (requestId !== undefined) init.requestId = requestId
  if (retryAfterMs !== undefined) init.retryAfterMs = retryAfterMs
  return new (FAMILIES[type] ?? RegistryApiError)(init)
}
