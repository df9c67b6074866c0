import type { Issue } from '../issues'
import { formatIssue } from '../messages/format'
import { matchingMessages } from '../messages/matching-words'
import type { Locale, Messages } from '../messages/types'

/**
 * Words for a directory issue, naming the entry: '第 3 条（org_x）：统一社会信用代码校验位不正确…'.
 */
export function formatDirectoryIssue(issue: Issue, locale: Locale | Messages = 'zh-CN'): string {
  const text = formatIssue(issue, typeof locale === 'string' ? (matchingMessages[locale] ?? matchingMessages['zh-CN']) : locale)
  const index = issue.params?.index
  if (typeof index !== 'number') return text
  const id = issue.params?.id
  const en = (typeof locale === 'string' ? locale : locale.locale) === 'en'
  const where = en ? `Entry ${index + 1}${id ? ` (${id})` : ''}: ` : `第 ${index + 1} 条${id ? `（${id}）` : ''}：`
  return where + text
}
