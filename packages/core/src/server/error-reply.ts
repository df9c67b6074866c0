/** The API's one error shape, in the caller's language, with the status from ERROR_CODES (there is no other status table). */
import { API_VERSION } from '../contract/common'
import { ERROR_CODES, type ErrorCode, makeErrorBody } from '../contract/errors'
import type { Locale } from '../enums'
import type { RefusalExtra } from './refusal'

export interface ServerReply {
  status: number
  headers: Record<string, string>
  /** JSON text. */
  body: string
}

export function errorReply(code: ErrorCode, requestId: string, locale: Locale, extra: RefusalExtra = {}): ServerReply {
  const message = locale === 'en' ? (extra.en ?? ERROR_CODES[code].en) : extra.message
  const body = makeErrorBody(code, requestId, { ...(extra.param !== undefined ? { param: extra.param } : {}), ...(message !== undefined ? { message } : {}) })
  return { status: ERROR_CODES[code].status, headers: { 'content-type': 'application/json; charset=utf-8', 'request-id': requestId, 'ruhui-version': API_VERSION, ...extra.headers }, body: JSON.stringify(body) }
}

/** `Accept-Language: en-US,en;q=0.9` → 'en'; anything else → 'zh-CN' (the registry's first language). */
export function localeFromHeader(header: string | undefined | null): Locale {
  const first = (header ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first === 'en' || first.startsWith('en-') ? 'en' : 'zh-CN'
}
