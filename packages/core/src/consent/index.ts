/** Published consent texts and the charter declaration: their words, their hashes, their placeholders. */
export { PUBLISHED_TEXTS } from './published-texts'
export type { PublishedConsentText } from './published-texts'
export { fillConsentText, duesPolicyWords } from './fill'
export type { ConsentTextValues } from './fill'
export { consentTextHash } from './hash'
export { consentTextOnWire } from './on-wire'
