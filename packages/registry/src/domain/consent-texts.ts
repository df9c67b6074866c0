/** The consent texts and the charter declaration the registry publishes (GET /v1/consent-texts). */
import { PUBLISHED_TEXTS, consentTextOnWire } from '@ruhui/core'
import type { ConsentTextWire } from '@ruhui/core/contract'
import type { RegistryContext } from './context'

const DEFAULT_PUBLISHED_AT = '2026-12-01T00:00:00.000+08:00'

export async function listConsentTexts(_ctx: RegistryContext): Promise<{ object: 'list'; data: ConsentTextWire[] }> {
  return { object: 'list', data: Object.values(PUBLISHED_TEXTS).map((t) => consentTextOnWire(t, DEFAULT_PUBLISHED_AT)) }
}
