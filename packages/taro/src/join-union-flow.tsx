/**
 * `<JoinUnionFlow>`: the join flow embedded in a host page. It renders the headless flow's
 * state and nothing else: every rule (checks, queueing, callbacks) lives in @ruhui/core/flow.
 */
import { useEffect } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { ENV_TYPE, getEnv } from '@tarojs/taro'
import { EMPLOYMENT_FORMS, type EmploymentForm, FORMS_WITH_COMPANY, type Issue, formatIssue } from '@ruhui/core'
import { DEFAULT_CONSENT_TEXTS, type FieldName, type FlowState, type JoinFlow, awaitsUnion, unionChoices, unionContactOf } from '@ruhui/core/flow'
import { a11yLabel, a11yRole } from './a11y'
import { buttonState } from './button-state'
import { type DeepPartial, type JoinLabels, resolveLabels } from './labels'
import { type UseJoinFlowOptions, useJoinFlow } from './use-join-flow'

export interface JoinUnionFlowProps extends UseJoinFlowOptions {
  /** How often the result step asks for the review's outcome, in ms (0: never). @default 15000 */
  statusPollMs?: number
  /** Any text the host wants to say differently. */
  labels?: DeepPartial<JoinLabels>
  className?: string
  /** Shown as a "完成/关闭" button once the flow has ended. */
  onClose?(): void
}

type Labels = JoinLabels
const isWeapp = () => getEnv() === ENV_TYPE.WEAPP

export function JoinUnionFlow(props: JoinUnionFlowProps) {
  const { state, flow } = useJoinFlow(props)
  const labels = resolveLabels(props.locale, props.labels)
  const theme = `ruhui-join ${props.className ?? ''}`.trim()
  if (!state || !flow) return <View className={theme}><Text className="ruhui-muted">{labels.busy}</Text></View>
  return (
    <View className={theme}>
      {!state.online && <View className="ruhui-banner" {...a11yRole('status')}><Text>{labels.offline}</Text></View>}
      <StepView state={state} flow={flow} labels={labels} props={props} />
      {state.error && (
        <View className="ruhui-error" {...a11yRole('alert')}>
          <Text>{state.error.message}</Text>
        </View>
      )}
      {state.finished && props.onClose && (
        <Button className="ruhui-btn ruhui-btn--secondary" onClick={props.onClose}>
          {state.step === 'result' ? labels.done : labels.close}
        </Button>
      )}
    </View>
  )
}

function StepView({ state, flow, labels, props }: { state: FlowState; flow: JoinFlow; labels: Labels; props: JoinUnionFlowProps }) {
  switch (state.step) {
    case 'intro':
      return <IntroStep state={state} flow={flow} labels={labels} />
    case 'consent':
      return <ConsentStep flow={flow} labels={labels} props={props} finished={state.finished} share={state.consent.shareWithPartners} />
    case 'identity':
      return <IdentityStep state={state} flow={flow} labels={labels} props={props} />
    case 'union':
    case 'submitting':
      return <UnionStep state={state} flow={flow} labels={labels} />
    case 'queued':
      return (
        <View className="ruhui-step ruhui-step--queued">
          <Text className="ruhui-title">{labels.queuedTitle}</Text>
          <Text className="ruhui-body">{labels.queuedBody}</Text>
        </View>
      )
    case 'result':
      return <ResultStep state={state} flow={flow} labels={labels} pollMs={props.statusPollMs ?? 15_000} />
  }
}

function IntroStep({ state, flow, labels }: { state: FlowState; flow: JoinFlow; labels: Labels }) {
  const membersOnly = state.services.filter((s) => s.members_only)
  const open = state.services.filter((s) => !s.members_only)
  return (
    <View className="ruhui-step ruhui-step--intro">
      <Text className="ruhui-title">{labels.introTitle}</Text>
      <Text className="ruhui-body">{labels.introLead}</Text>
      <ServiceList title={labels.introMembersGet} services={membersOnly} />
      <ServiceList title={labels.introNonMembersGet} services={open} />
      {state.services.length === 0 && <Text className="ruhui-muted">{labels.introNoServices}</Text>}
      <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(false, state.finished)} onClick={() => flow.next()}>
        {labels.start}
      </Button>
      <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, state.finished)} onClick={() => flow.exit()}>
        {labels.notNow}
      </Button>
    </View>
  )
}

function ServiceList({ title, services }: { title: string; services: FlowState['services'] }) {
  if (services.length === 0) return null
  return (
    <View className="ruhui-services">
      <Text className="ruhui-subtitle">{title}</Text>
      {services.map((s) => (
        <View key={s.id} className={`ruhui-service ruhui-service--${s.kind}`}>
          <Text className="ruhui-service__name">{s.name}</Text>
          <Text className="ruhui-service__summary">{s.summary}</Text>
        </View>
      ))}
    </View>
  )
}

function ConsentStep({ flow, labels, props, finished, share }: { flow: JoinFlow; labels: Labels; props: JoinUnionFlowProps; finished: boolean; share: boolean }) {
  const texts = props.consentTexts ?? DEFAULT_CONSENT_TEXTS
  return (
    <View className="ruhui-step ruhui-step--consent">
      <Text className="ruhui-title">{labels.consentTitle}</Text>
      <Text className="ruhui-body">{labels.consentLead}</Text>
      {[texts.sensitive, texts.share].map((t) => (
        <View key={t.title} className="ruhui-consent">
          <Text className="ruhui-subtitle">{t.title}</Text>
          <Text className="ruhui-body">{t.body}</Text>
          <Text className="ruhui-muted">v{t.version}</Text>
        </View>
      ))}
      {texts.partners && (
        <View
          {...a11yRole('checkbox')}
          {...a11yLabel(`${texts.partners.title}${share ? labels.selectedSuffix : ''}`)}
          className={`ruhui-choice ruhui-consent--optional ${share ? 'ruhui-choice--selected' : ''}`}
          onClick={() => flow.setShareWithPartners(!share)}
        >
          <Text className="ruhui-subtitle">
            {share ? '☑ ' : '☐ '}
            {texts.partners.title}
          </Text>
          <Text className="ruhui-body">{texts.partners.body}</Text>
        </View>
      )}
      <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(false, finished)} onClick={() => void flow.grantConsent()}>
        {labels.accept}
      </Button>
      <Button className="ruhui-btn ruhui-btn--text" {...buttonState(false, finished)} onClick={() => flow.denyConsent()}>
        {labels.decline}
      </Button>
    </View>
  )
}

const TEXT_FIELDS: Array<{ name: Exclude<FieldName, 'employmentForm' | 'homeParkId'>; type?: 'idcard' | 'number'; optional?: boolean; maxlength: number }> = [
  { name: 'name', maxlength: 50 },
  { name: 'idNumber', type: 'idcard', maxlength: 18 },
  { name: 'mobile', type: 'number', maxlength: 11 },
  { name: 'township', type: 'number', optional: true, maxlength: 9 },
  { name: 'plate', optional: true, maxlength: 10 },
  { name: 'licenseClass', optional: true, maxlength: 4 },
]

function IdentityStep({ state, flow, labels, props }: { state: FlowState; flow: JoinFlow; labels: Labels; props: JoinUnionFlowProps }) {
  const locale = props.locale ?? 'zh-CN'
  const canPhone = Boolean(props.capabilities?.exchangePhoneCode) && isWeapp()
  // Where WeChat's button does not exist (h5, the hosted page, Alipay, Douyin): the number the host app verified.
  const canHostPhone = Boolean(props.capabilities?.verifiedPhone) && !canPhone
  const canFace = Boolean(props.capabilities?.verifyFace)
  const fields = [...TEXT_FIELDS]
  if (FORMS_WITH_COMPANY.includes(state.fields.employmentForm as EmploymentForm)) fields.splice(3, 0, { name: 'employerUscc', maxlength: 18 })
  const field = (f: (typeof TEXT_FIELDS)[number]) => {
    const issues = state.fieldIssues[f.name] ?? []
    const id = `ruhui-field-${f.name}`
    return (
      <View key={f.name} className={`ruhui-field ${issues.length ? 'ruhui-field--invalid' : ''}`}>
        <Text className="ruhui-field__label" id={`${id}-label`}>
          {labels.fields[f.name]}
          {f.optional ? labels.optional : ''}
        </Text>
        <Input
          id={id}
          className="ruhui-input"
          {...a11yLabel(labels.fields[f.name])}
          value={state.fields[f.name]}
          placeholder={labels.placeholders[f.name]}
          maxlength={f.maxlength}
          {...(f.type ? { type: f.type } : {})}
          onInput={(e) => flow.setField(f.name, e.detail.value)}
        />
        {f.name === 'mobile' && state.verification.mobileVerifiedAt && <Text className="ruhui-ok">{labels.mobileVerified}</Text>}
        {f.name === 'mobile' && canHostPhone && !state.verification.mobileVerifiedAt && (
          <Button className="ruhui-btn ruhui-btn--small ruhui-host-phone" {...buttonState(state.busy, state.busy)} onClick={() => void flow.useHostPhone()}>
            {labels.useHostPhone}
          </Button>
        )}
        {f.name === 'mobile' && canPhone && !state.verification.mobileVerifiedAt && (
          <Button className="ruhui-btn ruhui-btn--small" openType="getPhoneNumber" onGetPhoneNumber={(e) => void flow.applyPhoneCode((e.detail as { code?: string }).code ?? '')}>
            {labels.usePhoneNumber}
          </Button>
        )}
        <FieldErrors issues={issues} locale={locale} />
      </View>
    )
  }
  const formIssues = state.fieldIssues.employmentForm ?? []
  return (
    <View className="ruhui-step ruhui-step--identity">
      <Text className="ruhui-title">{labels.identityTitle}</Text>
      {fields.slice(0, 3).map(field)}
      <View className="ruhui-field" {...a11yRole('radiogroup')} {...a11yLabel(labels.fields.employmentForm)}>
        <Text className="ruhui-field__label">{labels.fields.employmentForm}</Text>
        {EMPLOYMENT_FORMS.map((form) => (
          <View
            key={form}
            {...a11yRole('radio')}
            {...a11yLabel(`${labels.employmentForms[form]}${state.fields.employmentForm === form ? labels.selectedSuffix : ''}`)}
            className={`ruhui-choice ${state.fields.employmentForm === form ? 'ruhui-choice--selected' : ''}`}
            onClick={() => flow.setField('employmentForm', form)}
          >
            <Text>{labels.employmentForms[form]}</Text>
          </View>
        ))}
        <FieldErrors issues={formIssues} locale={locale} />
      </View>
      <CountyField state={state} flow={flow} labels={labels} locale={locale} />
      <ParkField state={state} flow={flow} labels={labels} />
      {fields.slice(3).map(field)}
      {canFace && (
        state.verification.faceVerifiedAt ? (
          <Text className="ruhui-ok">{labels.faceVerified}</Text>
        ) : (
          <Button className="ruhui-btn ruhui-btn--secondary" {...buttonState(false, state.busy)} onClick={() => void flow.verifyFace()}>
            {labels.verifyFace}
          </Button>
        )
      )}
      <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(state.busy, state.busy || state.finished)} onClick={() => void flow.confirmIdentity()}>
        {labels.next}
      </Button>
    </View>
  )
}

/** The Chinese (or English) message under a field, for each of its issues. */
function FieldErrors({ issues, locale }: { issues: readonly Issue[]; locale: 'zh-CN' | 'en' }) {
  return (
    <>
      {issues.map((i) => (
        <View key={i.code} className="ruhui-field__error" {...a11yRole('alert')}>
          <Text>{formatIssue(i, locale)}</Text>
        </View>
      ))}
    </>
  )
}

/** The home county and township: chosen from lists (province → city → county → township), or the codes typed. */
function CountyField({ state, flow, labels, locale }: { state: FlowState; flow: JoinFlow; labels: Labels; locale: 'zh-CN' | 'en' }) {
  const picker = state.regionPicker
  const issues = state.fieldIssues.county ?? []
  const chosen = state.countyLabel ? [state.countyLabel, state.townshipLabel].filter(Boolean).join(' ') : labels.chooseRegion
  const listingTownships = picker.path[picker.path.length - 1]?.level === 'county'
  return (
    <View className={`ruhui-field ${issues.length ? 'ruhui-field--invalid' : ''}`}>
      <Text className="ruhui-field__label">{labels.fields.county}</Text>
      <View {...a11yRole('button')} className="ruhui-choice ruhui-region" {...a11yLabel(`${labels.fields.county}：${chosen}`)} onClick={() => void flow.openRegionPicker()}>
        <Text>{chosen}</Text>
      </View>
      {picker.open && (
        <View className="ruhui-region-picker" {...a11yRole('listbox')} {...a11yLabel(labels.fields.county)}>
          <View {...a11yRole('button')} className="ruhui-choice ruhui-region-picker__back" onClick={() => void flow.regionPickerBack()}>
            <Text>{`‹ ${labels.regionBack}${picker.path.length ? `：${picker.path.map((r) => r.name).join(' ')}` : ''}`}</Text>
          </View>
          {listingTownships && !picker.loading && (
            <View {...a11yRole('button')} className="ruhui-choice ruhui-region-picker__skip" onClick={() => flow.closeRegionPicker()}>
              <Text>{labels.skipTownship}</Text>
            </View>
          )}
          {picker.loading ? (
            <Text className="ruhui-muted">{labels.busy}</Text>
          ) : (
            picker.items.map((r) => (
              <View key={r.code} {...a11yRole('option')} className="ruhui-choice ruhui-region-picker__item" onClick={() => void flow.pickRegion(r.code)}>
                <Text>{r.name}</Text>
              </View>
            ))
          )}
        </View>
      )}
      <Input
        id="ruhui-field-county"
        className="ruhui-input"
        {...a11yLabel(labels.countyCode)}
        value={state.fields.county}
        placeholder={`${labels.countyCode}：${labels.placeholders.county}`}
        maxlength={6}
        type="number"
        onInput={(e) => flow.setField('county', e.detail.value)}
      />
      <FieldErrors issues={issues} locale={locale} />
    </View>
  )
}

/** The optional park question: shown only when the home county has logistics parks. */
function ParkField({ state, flow, labels }: { state: FlowState; flow: JoinFlow; labels: Labels }) {
  if (state.parks.length === 0) return null
  const chosen = state.fields.homeParkId
  const choice = (id: string, name: string) => (
    <View key={id || 'none'} {...a11yRole('radio')} {...a11yLabel(`${name}${chosen === id ? labels.selectedSuffix : ''}`)} className={`ruhui-choice ${chosen === id ? 'ruhui-choice--selected' : ''}`} onClick={() => flow.setField('homeParkId', id)}>
      <Text>{name}</Text>
    </View>
  )
  return (
    <View className="ruhui-field ruhui-park" {...a11yRole('radiogroup')} {...a11yLabel(labels.parkQuestion)}>
      <Text className="ruhui-field__label">{labels.parkQuestion}</Text>
      {state.parks.map((p) => choice(p.id, p.name))}
      {choice('', labels.parkNone)}
    </View>
  )
}

/** The union's phone, address and hours, when the directory has them. */
function ContactCard({ state, labels }: { state: FlowState; labels: Labels }) {
  const found = unionContactOf(state)
  if (!found) return null
  const { phone, address, hours } = found.contact
  return (
    <View className="ruhui-contact" {...a11yLabel(`${labels.contactTitle}：${found.name}`)}>
      <Text className="ruhui-muted">
        {labels.contactTitle}：{found.name}
      </Text>
      {phone && <Text className="ruhui-body">{labels.contactPhone}：{phone}</Text>}
      {address && <Text className="ruhui-body">{labels.contactAddress}：{address}</Text>}
      {hours && <Text className="ruhui-body">{labels.contactHours}：{hours}</Text>}
    </View>
  )
}

function UnionStep({ state, flow, labels }: { state: FlowState; flow: JoinFlow; labels: Labels }) {
  const match = state.match
  const submitting = state.step === 'submitting'
  const { choices, assigning } = unionChoices(match)
  return (
    <View className="ruhui-step ruhui-step--union">
      <Text className="ruhui-title">{labels.unionTitle}</Text>
      <Text className="ruhui-body">{assigning ? labels.assignerNote : labels.unionLead}</Text>
      <View {...a11yRole('radiogroup')} {...a11yLabel(labels.unionTitle)}>
        {choices.map((o) => (
            <View
              key={o.id}
              {...a11yRole('radio')}
              {...a11yLabel(`${o.name}${state.selectedOrgId === o.id ? labels.selectedSuffix : ''}`)}
              className={`ruhui-choice ruhui-union ${state.selectedOrgId === o.id ? 'ruhui-choice--selected' : ''}`}
              onClick={() => !submitting && flow.selectUnion(o.id)}
            >
              <Text className="ruhui-union__name">{o.name}</Text>
              {o.reasons.map((r) => (
                <Text key={r} className="ruhui-union__reason">
                  {r}
                </Text>
              ))}
            </View>
          ))}
      </View>
      {assigning && <ContactCard state={state} labels={labels} />}
      <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(submitting, submitting || !state.selectedOrgId || state.finished)} onClick={() => void flow.submit()}>
        {submitting ? labels.submitting : labels.submit}
      </Button>
    </View>
  )
}

function ResultStep({ state, flow, labels, pollMs }: { state: FlowState; flow: JoinFlow; labels: Labels; pollMs: number }) {
  const result = state.result
  const waiting = awaitsUnion(result?.kind)
  // The union reviews later: ask now and then, so that the approval and the e-card show here.
  useEffect(() => {
    if (!waiting || pollMs <= 0) return
    const timer = setInterval(() => void flow.refreshResult(), pollMs)
    return () => clearInterval(timer)
  }, [waiting, pollMs, flow])
  if (!result) return null
  const words = labels.results[result.kind]
  const app = result.application
  const card = app?.member_card
  const reason = app?.status_reason?.message
  const mine = state.services.filter((s) => s.members_only)
  return (
    <View className={`ruhui-step ruhui-step--result ruhui-result--${result.kind}`}>
      <Text className="ruhui-title">{words.title}</Text>
      <Text className="ruhui-body">{words.body}</Text>
      {app?.org_name && <Text className="ruhui-subtitle">{app.org_name}</Text>}
      <ContactCard state={state} labels={labels} />
      {reason && (result.kind === 'needs_info' || result.kind === 'rejected') && (
        <Text className="ruhui-body">
          {labels.statusReason}：{reason}
        </Text>
      )}
      {card && (
        <View className="ruhui-card">
          <Text className="ruhui-muted">{labels.cardNumber}</Text>
          <Text className="ruhui-card__number">{card.number}</Text>
        </View>
      )}
      {result.kind === 'approved' && mine.length > 0 && <ServiceList title={labels.membersNowHave} services={mine} />}
      {waiting && (
        <Button className="ruhui-btn ruhui-btn--text" onClick={() => void flow.refreshResult()}>
          {labels.refreshStatus}
        </Button>
      )}
      {app && result.kind !== 'rejected' && (
        state.volunteered ? (
          <Text className="ruhui-ok">{labels.volunteered}</Text>
        ) : (
          <Button className="ruhui-btn ruhui-btn--secondary" {...buttonState(state.busy, state.busy)} onClick={() => void flow.volunteer()}>
            {labels.volunteer}
          </Button>
        )
      )}
      {result.kind === 'transfer_required' && !state.finished && (
        <Button className="ruhui-btn ruhui-btn--primary" {...buttonState(state.busy, state.busy)} onClick={() => void flow.requestTransfer('other')}>
          {labels.requestTransfer}
        </Button>
      )}
    </View>
  )
}
