/**
 * The texts the driver agrees to, as the flow holds them: the registry's published versions
 * (GET /v1/consent-texts) when it could ask, else the ones bundled with @ruhui/core. Each is recorded
 * with its version and hash; what is shown has its placeholders filled (the chosen union, the
 * operator, the union's dues in words).
 */
import { fillConsentText } from '../consent/fill'
import { consentTextHash } from '../consent/hash'
import { PUBLISHED_TEXTS } from '../consent/published-texts'
import type { ConsentTextWire } from '../contract/consent-texts'
import { CONSENT_TEXT_KINDS, type ConsentTextKind } from '../enums'

export interface FlowText {
  version: string
  /** SHA-256 (hex) of the published body, placeholders unfilled: what the registry checks. */
  hash: string
  title: string
  body: string
}

export type FlowTexts = Record<ConsentTextKind, FlowText> & { source: 'registry' | 'bundled' }

/** The texts bundled with @ruhui/core (used offline, or until the registry answers). */
export function bundledTexts(): FlowTexts {
  const out = { source: 'bundled' } as FlowTexts
  for (const k of CONSENT_TEXT_KINDS) {
    const t = PUBLISHED_TEXTS[k]
    out[k] = { version: t.text_version, hash: consentTextHash(t.body), title: t.title, body: t.body }
  }
  return out
}

/** The registry's published texts; a kind it did not list keeps the bundled text. */
export function textsFromWire(list: readonly ConsentTextWire[], fallback: FlowTexts): FlowTexts {
  const out = { ...fallback, source: 'registry' } as FlowTexts
  for (const t of list) if ((CONSENT_TEXT_KINDS as readonly string[]).includes(t.kind)) out[t.kind] = { version: t.text_version, hash: t.text_hash, title: t.title, body: t.body }
  return out
}

/** A text as the driver reads it: in English where the bundled translation is of the same version, placeholders filled. */
export function shownText(texts: FlowTexts, kind: ConsentTextKind, values: { org_name?: string; operator?: string; dues_policy?: string }, locale: 'zh-CN' | 'en' = 'zh-CN'): { title: string; body: string; version: string } {
  const t = texts[kind]
  const bundled = PUBLISHED_TEXTS[kind]
  const words = locale === 'en' && bundled.text_version === t.version ? bundled.en : t
  return { title: words.title, body: fillConsentText(words.body, values), version: t.version }
}
