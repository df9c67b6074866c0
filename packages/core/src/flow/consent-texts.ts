/** The two separate consents of PIPL Arts. 29 and 23, as shown; hashed and recorded with their version. */
import { PUBLISHED_TEXTS } from '../consent/published-texts'

export interface ConsentText {
  version: string
  title: string
  body: string
}

export interface ConsentTexts {
  /** 敏感个人信息单独同意 (Art. 29): the ID number. */
  sensitive: ConsentText
  /** 向工会提供个人信息单独同意 (Art. 23): sharing with the chosen union. */
  share: ConsentText
  /** Optional: sharing the driver's record with transport departments and industry associations (共享数据信息). */
  partners?: ConsentText
}

/** The published texts (@ruhui/core's PUBLISHED_TEXTS), as the flow shows them; bodies carry `{org_name}`, `{operator}` placeholders (see fillConsentText). */
const shown = (kind: 'sensitive_personal_info' | 'share_with_union' | 'share_with_partners'): ConsentText => ({ version: PUBLISHED_TEXTS[kind].text_version, title: PUBLISHED_TEXTS[kind].title, body: PUBLISHED_TEXTS[kind].body })

export const DEFAULT_CONSENT_TEXTS: ConsentTexts = {
  sensitive: shown('sensitive_personal_info'),
  share: shown('share_with_union'),
  partners: shown('share_with_partners'),
}
