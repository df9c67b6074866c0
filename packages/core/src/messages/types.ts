import type { Issue } from '../issues'

export type { Locale } from '../enums'
import type { Locale } from '../enums'

/** Turns one issue into words. `field` is the label of the field the issue sits on, when known. */
export type IssueMessage = (params: NonNullable<Issue['params']>, field: string | undefined) => string

export interface Messages {
  locale: Locale | (string & {})
  /** Field labels by the last string segment of an issue's path. */
  fields: Record<string, string>
  /** Words for each issue code. */
  issues: Record<string, IssueMessage>
  /** Used for a code the table does not know. */
  fallback: IssueMessage
}
