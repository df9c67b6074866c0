import type { Issue } from '../issues'
import { en } from './en'
import type { Locale, Messages } from './types'
import { zhCN } from './zh-CN'

const TABLES: Record<Locale, Messages> = { 'zh-CN': zhCN, en }

/** The message table for a locale ('zh-CN' is the default and the fallback). */
export function getMessages(locale: Locale | Messages = 'zh-CN'): Messages {
  return typeof locale === 'string' ? (TABLES[locale] ?? zhCN) : locale
}

/**
 * Words for one issue, in zh-CN unless told otherwise. Pass a `Messages` table
 * (e.g. `{ ...zhCN, issues: { ...zhCN.issues, required: () => '必填' } }`) to override text.
 * @example formatIssue({ code: 'invalid_checksum', path: ['idNumber'] }) // '身份证件号码校验位不正确，请逐位核对'
 */
export function formatIssue(issue: Issue, locale: Locale | Messages = 'zh-CN'): string {
  const messages = getMessages(locale)
  let field: string | undefined
  for (let i = issue.path.length - 1; i >= 0; i--) {
    const seg = issue.path[i]
    if (typeof seg === 'string') {
      field = messages.fields[seg]
      break
    }
  }
  const message = messages.issues[issue.code] ?? messages.fallback
  return message(issue.params ?? {}, field)
}
