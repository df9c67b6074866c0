/**
 * zod issues → our issues: the same `{ code, path, params }` data the identity checks return.
 * Parse with `{ reportInput: true }` so that a missing value (`required`) can be told from a wrong one.
 */
import type { Issue, IssuePath } from './issues'

interface ZodIssueLike {
  code: string
  origin?: string
  path: PropertyKey[]
  input?: unknown
  values?: unknown[]
  keys?: string[]
  maximum?: unknown
  minimum?: unknown
  expected?: unknown
}

export function fromZodIssue(z: ZodIssueLike, prefix: IssuePath, params: Record<string, string | number | boolean> = {}): Issue {
  const path = [...prefix, ...z.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]
  switch (z.code) {
    case 'invalid_type':
      return { code: z.input === undefined ? 'required' : 'invalid_type', path, params: { ...params, expected: String(z.expected) } }
    case 'invalid_value':
      return { code: 'invalid_enum', path, params: { ...params, allowed: (z.values ?? []).join('|') } }
    case 'invalid_format':
      return { code: 'invalid_format', path, params }
    case 'too_big':
      if (z.origin === 'number') return { code: 'out_of_range', path, params: { ...params, max: Number(z.maximum) } }
      return { code: 'too_long', path, params: { ...params, max: Number(z.maximum) } }
    case 'too_small':
      if (z.origin === 'number') return { code: 'out_of_range', path, params: { ...params, min: Number(z.minimum) } }
      return { code: 'required', path, params }
    case 'unrecognized_keys':
      return { code: 'unknown_field', path, params: { ...params, fields: (z.keys ?? []).join(', ') } }
    default:
      return { code: 'invalid_format', path, params }
  }
}
