/**
 * The union step, the share step and the charter step as plain data for the WXML (issues #13,
 * #18): each union with what sets it apart (its type in words, whom it serves, the area it covers,
 * its contact, why the first is recommended); the consent to provide the data naming the chosen
 * union, the operator, the purpose and the retention; the charter declaration with the union's
 * dues in words. The texts and the details are the flow's (core), filled for the driver's language.
 */
import { type FlowState, consentValues, shownText, unionChoices, unionDetails } from '@ruhui/core/flow'
import type { WeappLabels } from './labels'

type Locale = 'zh-CN' | 'en'

export function unionsView(state: FlowState, t: WeappLabels, locale: Locale) {
  const { choices, assigning } = unionChoices(state.match)
  const details = unionDetails(state, locale)
  return {
    lead: assigning ? t.assignerNote : t.unionLead,
    // Only the unions the registry offered, in its order, each with what sets it apart.
    unions: choices.map((c) => {
      const d = details.find((x) => x.id === c.id)
      const contact = d && d.contact ? [d.contact.phone, d.contact.address, d.contact.hours].filter(Boolean).join(' · ') : ''
      return {
        id: c.id,
        name: c.name,
        kind: d ? d.kind : '',
        serves: d ? d.serves : '',
        covers: d ? d.covers : '',
        contact,
        recommended: d && d.recommended ? d.recommended : '',
        selected: state.selectedOrgId === c.id,
      }
    }),
  }
}

const withSwitch = (t: { title: string; body: string; version: string }, selected: boolean) => ({ title: t.title, body: t.body, version: t.version, selected })

/** The texts of the consent, share and charter steps, filled with the chosen union, the operator and its dues. */
export function consentsView(state: FlowState, locale: Locale) {
  const values = consentValues(state, locale)
  const text = (kind: Parameters<typeof shownText>[1]) => shownText(state.texts, kind, values, locale)
  return {
    sensitive: text('sensitive_personal_info'),
    share: text('share_with_union'),
    charter: text('charter'),
    /** The union named in the share and charter texts. */
    org: values.org_name,
    partners: withSwitch(text('share_with_partners'), state.consent.shareWithPartners),
    platform: withSwitch(text('share_membership_with_platform'), state.consent.shareMembershipWithPlatform),
  }
}
