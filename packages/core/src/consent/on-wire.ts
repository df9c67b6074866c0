/** A published text as `GET /v1/consent-texts` lists it (the registry and the sandbox both answer with this). */
import type { ConsentTextWire } from '../contract/consent-texts'
import { consentTextHash } from './hash'
import type { PublishedConsentText } from './published-texts'

export function consentTextOnWire(text: Pick<PublishedConsentText, 'kind' | 'text_version' | 'title' | 'body'>, publishedAt: string): ConsentTextWire {
  return { object: 'consent_text', kind: text.kind, text_version: text.text_version, text_hash: consentTextHash(text.body), title: text.title, body: text.body, published_at: publishedAt }
}
