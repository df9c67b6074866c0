/**
 * The console's one i18n mechanism: the locale (zh-CN first; the switch is in the header), typed
 * words (`words.ts`, English in `words-en.ts`) and enum values' words from `@ruhui/core`.
 * `const { t, label } = useI18n()`, then `t.approve`, `t.orgCount(n)`, `label('orgType', v)`.
 */
import { type EnumKind, type EnumValue, type Locale, type OrgType, TIER_IDS, type TierId, enumLabel } from '@ruhui/core'
import { useSyncExternalStore } from 'react'
import { type Words, zhWords } from './words'
import { enWords } from './words-en'

export interface I18n {
  locale: Locale
  t: Words
  /** The words for an enum value in this locale. */
  label<K extends EnumKind>(kind: K, value: EnumValue<K>): string
  /** A matching tier with its number (DOMAIN.md §7.6); none yet (`assignment` in the statistics) is "to be assigned". */
  tierLabel(tier: TierId | 'assignment' | null): string
  /** An organisation type; `unknown` in the statistics when the organisation has left the directory. */
  orgTypeLabel(type: OrgType | 'unknown'): string
}

function i18nFor(locale: Locale, t: Words): I18n {
  const label = <K extends EnumKind>(kind: K, value: EnumValue<K>) => enumLabel(kind, value, locale)
  return {
    locale,
    t,
    label,
    tierLabel: (tier) => (tier === null || tier === 'assignment' ? t.noTier : `${TIER_IDS.indexOf(tier) + 1} ${label('tier', tier)}`),
    orgTypeLabel: (type) => (type === 'unknown' ? t.unknownOrgType : label('orgType', type)),
  }
}
const BY_LOCALE: Record<Locale, I18n> = { 'zh-CN': i18nFor('zh-CN', zhWords), en: i18nFor('en', enWords) }

const KEY = 'ruhui.console.locale'
let current: Locale = localStorage.getItem(KEY) === 'en' ? 'en' : 'zh-CN'
const listeners = new Set<() => void>()

/** The locale and its words outside React (the API client). */
export const i18nNow = (): I18n => BY_LOCALE[current]

export function setLocale(next: Locale) {
  current = next
  localStorage.setItem(KEY, next)
  for (const l of listeners) l()
}

export function useI18n(): I18n {
  const locale = useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => current)
  return BY_LOCALE[locale]
}
