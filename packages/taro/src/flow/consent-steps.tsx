/**
 * The three agreements, each its own step and its own tap (issue #13): the sensitive-information consent
 * (Art. 29) before the ID number; the provision to the chosen union (Art. 23), naming it, with the optional
 * consents beside it off by default; the charter declaration, whose button submits.
 */
import { Button, Text, View } from '@tarojs/components'
import { consentValues, shownText } from '@ruhui/core/flow'
import { a11yLabel, a11yRole } from '../a11y'
import { buttonState } from '../button-state'
import { ConsentText, Footer } from './parts'
import { type StepProps, localeOf } from './step-props'

export function ConsentStep({ state, flow, labels, props }: StepProps) {
  const text = shownText(state.texts, 'sensitive_personal_info', { operator: state.operator }, localeOf(props))
  return (
    <View className="ruhui-step ruhui-step--consent">
      <Text className="ruhui-title">{labels.consentTitle}</Text>
      <Text className="ruhui-body">{labels.consentLead}</Text>
      <ConsentText text={text} stepTitle={labels.consentTitle} />
      <Footer>
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(false, state.finished)} onClick={() => void flow.grantConsent()}>
          {labels.accept}
        </Button>
        <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.finished)} onClick={() => flow.denyConsent()}>
          {labels.decline}
        </Button>
      </Footer>
    </View>
  )
}

/** An optional consent: its own switch (off by default) and its text, readable. */
function OptionalConsent({ on, title, body, labels, onToggle }: { on: boolean; title: string; body: string; labels: StepProps['labels']; onToggle(): void }) {
  return (
    <View {...a11yRole('switch')} {...a11yLabel(`${title}：${on ? labels.switchOn : labels.switchOff}`)} aria-checked={on} className={`ruhui-choice ruhui-switch ${on ? 'ruhui-choice--selected' : ''}`} onClick={onToggle}>
      <View className="ruhui-switch__head">
        <Text className="ruhui-subtitle">{title}</Text>
        <Text className={`ruhui-switch__state ${on ? 'ruhui-switch__state--on' : ''}`}>{on ? labels.switchOn : labels.switchOff}</Text>
      </View>
      <Text className="ruhui-body">{body}</Text>
    </View>
  )
}

export function ShareStep({ state, flow, labels, props }: StepProps) {
  const locale = localeOf(props)
  const values = consentValues(state, locale)
  const text = shownText(state.texts, 'share_with_union', values, locale)
  const partners = shownText(state.texts, 'share_with_partners', values, locale)
  const platform = shownText(state.texts, 'share_membership_with_platform', values, locale)
  const c = state.consent
  return (
    <View className="ruhui-step ruhui-step--share">
      <Text className="ruhui-title">{labels.shareTitle}</Text>
      <Text className="ruhui-body">{labels.shareLead}</Text>
      <Text className="ruhui-subtitle ruhui-org">{values.org_name}</Text>
      <ConsentText text={text} />
      <Text className="ruhui-muted ruhui-optional-lead">{labels.optionalConsents}</Text>
      <OptionalConsent on={c.shareMembershipWithPlatform} title={platform.title} body={platform.body} labels={labels} onToggle={() => flow.setShareMembershipWithPlatform(!c.shareMembershipWithPlatform)} />
      <OptionalConsent on={c.shareWithPartners} title={partners.title} body={partners.body} labels={labels} onToggle={() => flow.setShareWithPartners(!c.shareWithPartners)} />
      <Footer>
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(false, state.finished)} onClick={() => flow.grantShare()}>
          {labels.accept}
        </Button>
        <View className="ruhui-footer__row">
          <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.finished)} onClick={() => flow.back()}>
            {labels.back}
          </Button>
          <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.finished)} onClick={() => flow.denyConsent()}>
            {labels.decline}
          </Button>
        </View>
      </Footer>
    </View>
  )
}

export function CharterStep({ state, flow, labels, props }: StepProps) {
  const locale = localeOf(props)
  const text = shownText(state.texts, 'charter', consentValues(state, locale), locale)
  const submitting = state.step === 'submitting'
  return (
    <View className="ruhui-step ruhui-step--charter">
      <Text className="ruhui-title">{labels.charterTitle}</Text>
      <Text className="ruhui-body">{labels.charterLead}</Text>
      <ConsentText text={text} stepTitle={labels.charterTitle} />
      <Footer>
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(submitting, submitting || state.finished)} onClick={() => void flow.submit()}>
          {/* In a <Text>, not bare: on h5 Taro's button (a Stencil web component) puts its loading icon before the
              text node React has just replaced, and logged insertBefore … NotFoundError on every submit (issue #18). */}
          <Text>{submitting ? labels.submitting : labels.acceptAndSubmit}</Text>
        </Button>
        <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, submitting || state.finished)} onClick={() => flow.back()}>
          {labels.back}
        </Button>
      </Footer>
    </View>
  )
}
