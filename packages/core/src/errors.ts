import type { Issue } from './issues'

// A brand that survives duplicated bundles: two copies of this file share the
// same global symbol, while `instanceof` would fail across them.
const SDK_ERROR = Symbol.for('ruhui.sdk_error')

export interface SdkErrorOptions {
  cause?: unknown
}

/** Base class of every error thrown by `@ruhui/*`. Check with `isSdkError`, not `instanceof`. */
export class SdkError extends Error {
  readonly code: string
  constructor(code: string, message: string, options: SdkErrorOptions = {}) {
    super(message)
    this.name = 'SdkError'
    this.code = code
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause
    Object.defineProperty(this, SDK_ERROR, { value: true })
  }
}

/** Thrown by `assert*` functions; carries the same issues the `check*` function returns. */
export class ValidationError extends SdkError {
  readonly issues: readonly Issue[]
  constructor(issues: readonly Issue[], message?: string) {
    super(
      'validation_failed',
      message ?? `[@ruhui/core] validation failed: ${issues.map((i) => `${i.code}${i.path.length ? ` at ${i.path.join('.')}` : ''}`).join(', ')}`,
    )
    this.name = 'ValidationError'
    this.issues = issues
  }
}

/** True for any `@ruhui/*` error, even one from another copy of the package. */
export function isSdkError(error: unknown): error is SdkError {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[SDK_ERROR] === true
}

/** True for a `ValidationError`, even one from another copy of the package. */
export function isValidationError(error: unknown): error is ValidationError {
  return isSdkError(error) && error.code === 'validation_failed' && Array.isArray((error as ValidationError).issues)
}

/** @internal The `assert*` half of every check/is/assert trio. */
export function unwrapCheck<T>(result: import('./issues').Check<T>): T {
  if (result.ok) return result.value
  throw new ValidationError(result.issues)
}
