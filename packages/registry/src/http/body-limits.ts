/**
 * Request bodies are refused with 413 before they are held in memory (issue #19, finding 3): from
 * Content-Length when it is sent, else while the body streams in (Hono's bodyLimit counts the
 * chunks and stops reading). On every route; a directory import may be larger than the rest.
 */
import { MAX_UPLOAD_BODY_BYTES } from '@ruhui/core/contract'
import { payloadTooLarge } from '@ruhui/core/server'
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { RegistryContext } from '../domain/context'
import { errorResponse } from './respond'

/** A directory file (organisations/import) may be up to 8 MB; every other body up to config.maxBodyBytes. */
export const MAX_IMPORT_BYTES = 8 * 1024 * 1024
const IMPORT_PATH = '/v1/review/organisations/import'
const UPLOAD_PATH = '/v1/uploads'

const tooLarge = (max: number) => (c: Context) => {
  // The rest of the body is not read: say so, so the client stops sending on this connection.
  c.header('connection', 'close')
  return errorResponse(c, 'payload_too_large', payloadTooLarge(max).extra)
}

export function bodyLimits(ctx: RegistryContext): MiddlewareHandler {
  const small = bodyLimit({ maxSize: ctx.config.maxBodyBytes, onError: tooLarge(ctx.config.maxBodyBytes) })
  const large = bodyLimit({ maxSize: MAX_IMPORT_BYTES, onError: tooLarge(MAX_IMPORT_BYTES) })
  // A photo the reviewer asked for, in base64 (issue #16): its own limit, the contract's.
  const upload = bodyLimit({ maxSize: MAX_UPLOAD_BODY_BYTES, onError: tooLarge(MAX_UPLOAD_BODY_BYTES) })
  return (c, next) => (c.req.path === IMPORT_PATH ? large : c.req.path === UPLOAD_PATH ? upload : small)(c, next)
}
