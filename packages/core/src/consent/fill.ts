/** Filling a published text's placeholders for display, and a union's dues policy in words. */
import type { DuesPolicy } from '../matching/org'

export interface ConsentTextValues {
  /** The union that receives the data / that the driver joins. */
  org_name?: string
  /** Who runs the registry, e.g. the provincial federation of trade unions. */
  operator?: string
  /** The matched union's dues policy in words (see duesPolicyWords). */
  dues_policy?: string
}

/** Replaces `{org_name}`, `{operator}` and `{dues_policy}`; a placeholder without a value is left as written. */
export function fillConsentText(body: string, values: ConsentTextValues): string {
  return body.replace(/\{(org_name|operator|dues_policy)\}/g, (whole, key: keyof ConsentTextValues) => values[key] ?? whole)
}

const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2))
const percent = (bp: number) => String(bp / 100)

/** A dues policy in words (zh-CN by default), for the charter declaration's `{dues_policy}`. */
export function duesPolicyWords(policy: DuesPolicy | undefined, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const zh = locale === 'zh-CN'
  // A union whose entry says nothing about dues follows its rules; only `none` says it collects none.
  if (!policy) return zh ? '按工会规定' : 'as the union’s rules provide'
  if (policy.mode === 'none') return zh ? '本工会暂不收取会费' : 'this union does not collect dues at present'
  if (policy.mode === 'fixed' && policy.amountFen !== undefined) return zh ? `每月${yuan(policy.amountFen)}元` : `CNY ${yuan(policy.amountFen)} a month`
  if (policy.mode === 'percent_of_declared_income' && policy.rateBp !== undefined) return zh ? `按申报月收入的${percent(policy.rateBp)}%` : `${percent(policy.rateBp)}% of declared monthly income`
  return zh ? '按工会规定' : 'as the union’s rules provide'
}
