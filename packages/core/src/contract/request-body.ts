/** Reading a request body against a route: the same verdict on every server (registry, sandbox). */
import type { Route } from './routes'

export type BodyCheck =
  | { ok: true; value: unknown }
  | { ok: false; code: 'invalid_request' | 'parameter_missing' | 'parameter_invalid'; param?: string; message?: string; en?: string }

/** Fields an older SDK sent that mean something else now: refused by name rather than ignored. */
const RETIRED_FIELDS: Record<string, string> = {
  // The charter declaration is a recorded text (charter: { text_version, text_hash, accepted_at }), not a boolean (issue #13).
  charter_accepted: 'charter',
}

export function checkRequestBody(route: Route, text: string): BodyCheck {
  if (!route.body) return { ok: true, value: undefined }
  let json: unknown
  try {
    json = JSON.parse(text || 'null')
  } catch {
    return { ok: false, code: 'invalid_request', message: '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' }
  }
  for (const [field, instead] of Object.entries(RETIRED_FIELDS)) {
    if (json !== null && typeof json === 'object' && field in json) return { ok: false, code: 'parameter_invalid', param: field, message: `${field} 已停用，请改为提交 ${instead}`, en: `${field} is no longer accepted; send ${instead} instead` }
  }
  const checked = route.body.safeParse(json, { reportInput: true })
  if (checked.success) return { ok: true, value: checked.data }
  const issue = checked.error.issues[0]
  // Missing: nothing at the issue's path in what was sent (an absent enum is `invalid_value`, not `invalid_type`).
  const missing = issue !== undefined && valueAt(json, issue.path) === undefined
  return { ok: false, code: missing ? 'parameter_missing' : 'parameter_invalid', param: issue?.path.join('.') ?? '' }
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined
    v = (v as Record<PropertyKey, unknown>)[key]
  }
  return v
}
