/**
 * Issues are data, never words: `{ code, path, params }`. Text comes only from
 * `formatIssue(issue, locale)` (messages/format.ts), so every screen, log and API
 * error can speak zh-CN or en from the same issue.
 */
export type IssuePath = ReadonlyArray<string | number>

export interface Issue {
  /** Stable snake_case code, e.g. `invalid_checksum`. */
  readonly code: string
  /** Where in the input: `[]` for a single value, `['idNumber']` inside a profile. */
  readonly path: IssuePath
  /** Data for the message, e.g. `{ expected: 'X' }`. */
  readonly params?: Readonly<Record<string, string | number | boolean>>
}

/** Result of every `check*` function: zod's `safeParse` shape, plus soft warnings. */
export type Check<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Issue[] }
  | { readonly ok: false; readonly issues: readonly Issue[]; readonly warnings: readonly Issue[] }

const NO_ISSUES: readonly Issue[] = Object.freeze([])

/** @internal */
export function ok<T>(value: T, warnings: readonly Issue[] = NO_ISSUES): Check<T> {
  return { ok: true, value, warnings }
}

/** @internal */
export function fail<T>(issues: readonly Issue[], warnings: readonly Issue[] = NO_ISSUES): Check<T> {
  return { ok: false, issues, warnings }
}

/** @internal Build one issue; `params` is left out when empty. */
export function issue(code: string, params?: Issue['params'], path: IssuePath = NO_PATH): Issue {
  return params === undefined ? { code, path } : { code, path, params }
}

const NO_PATH: IssuePath = Object.freeze([])

/** Re-root issues under a field path: `prefixIssues(['idNumber'], issues)`. */
export function prefixIssues(prefix: IssuePath, issues: readonly Issue[]): Issue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }))
}
