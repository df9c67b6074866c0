/**
 * The review loop in the driver's UI: what the union asked for (its words, the fields, the photos)
 * and the answer. Rendered in the member centre, and in the join flow's result step when the
 * application is needs_info (`FlowInfoAnswer`). Every rule is in @ruhui/core/member's createInfoAnswer.
 */
import { useMemo, useState, useSyncExternalStore } from 'react'
import { Button, Image, Input, Text, View } from '@tarojs/components'
import { EMPLOYMENT_FORMS, enumLabel } from '@ruhui/core'
import type { Application } from '@ruhui/core/contract'
import { type InfoAnswer, type InfoAnswerState, type MemberApi, type MemberCapabilities, type MemberLabels, createInfoAnswer, infoRequestOf, memberApiOf } from '@ruhui/core/member'
import { createRegistryClient, type HttpTransport } from '@ruhui/core/client'
import { a11yLabel, a11yRole } from './a11y'
import { buttonState } from './button-state'
import { resolveMemberLabels } from './member-labels'
import { taroChoosePhoto } from './member-ports'
import { createTaroTransport } from './transport'

export interface InfoAnswerViewProps {
  api: Pick<MemberApi, 'upload' | 'respond'>
  request: NonNullable<ReturnType<typeof infoRequestOf>>
  /** How the driver picks a photo. @default Taro.chooseImage */
  capabilities?: Pick<MemberCapabilities, 'choosePhoto'>
  locale?: 'zh-CN' | 'en'
  labels: MemberLabels
  onAnswered?(application: Application): void
}

export function InfoAnswerView(props: InfoAnswerViewProps) {
  const { request, locale = 'zh-CN', labels } = props
  const answer = useMemo<InfoAnswer>(
    () => createInfoAnswer({ api: props.api, request, capabilities: { choosePhoto: props.capabilities?.choosePhoto ?? taroChoosePhoto() }, locale, onAnswered: (a) => props.onAnswered?.(a) }),
    // one answer per request
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [request.id],
  )
  const s = useSyncExternalStore(answer.subscribe, answer.getState, answer.getState)
  if (s.sent) return <Text className="ruhui-ok ruhui-info-sent">{labels.infoSent}</Text>
  return (
    <View className="ruhui-info" {...a11yLabel(labels.infoTitle)}>
      <Text className="ruhui-subtitle">{labels.infoTitle}</Text>
      <Text className="ruhui-body">{labels.infoLead}</Text>
      {request.message && <Text className="ruhui-body ruhui-info__message">「{request.message}」</Text>}
      {request.fields.map((f) => (
        <InfoField key={f} field={f} s={s} answer={answer} locale={locale} />
      ))}
      {request.documents.map((d) => {
        const p = s.photos[d]!
        const issue = s.fieldIssues[d]
        const name = enumLabel('uploadPurpose', d, locale)
        return (
          <View key={d} className={`ruhui-field ruhui-info__photo ${issue ? 'ruhui-field--invalid' : ''}`}>
            <Text className="ruhui-field__label">{name}</Text>
            {p.preview && <Image className="ruhui-info__preview" src={p.preview} mode="aspectFit" />}
            {p.uploadId && <Text className="ruhui-ok">{labels.infoPhotoChosen}</Text>}
            <Button className="ruhui-btn ruhui-btn--secondary ruhui-info__choose" {...a11yLabel(`${labels.infoChoosePhoto}：${name}`)} {...buttonState(p.uploading, p.uploading || s.busy)} onClick={() => void answer.choosePhoto(d)}>
              {p.uploading ? labels.loading : labels.infoChoosePhoto}
            </Button>
            {issue && (
              <View className="ruhui-field__error" {...a11yRole('alert')}>
                <Text>{issue}</Text>
              </View>
            )}
          </View>
        )
      })}
      {s.error && !Object.values(s.fieldIssues).includes(s.error.message) && (
        <View className="ruhui-error" {...a11yRole('alert')}>
          <Text>{s.error.message}</Text>
        </View>
      )}
      <Button className="ruhui-btn ruhui-btn--primary ruhui-info__submit" {...buttonState(s.busy, s.busy)} onClick={() => void answer.submit()}>
        {labels.infoSubmit}
      </Button>
    </View>
  )
}

function InfoField({ field, s, answer, locale }: { field: string; s: InfoAnswerState; answer: InfoAnswer; locale: 'zh-CN' | 'en' }) {
  const label = enumLabel('infoField', field as never, locale)
  const issue = s.fieldIssues[field]
  return (
    <View className={`ruhui-field ${issue ? 'ruhui-field--invalid' : ''}`}>
      <Text className="ruhui-field__label">{label}</Text>
      {field === 'employment_form' ? (
        <View {...a11yRole('radiogroup')} {...a11yLabel(label)}>
          {EMPLOYMENT_FORMS.map((form) => (
            <View key={form} {...a11yRole('radio')} className={`ruhui-choice ${s.values[field] === form ? 'ruhui-choice--selected' : ''}`} onClick={() => answer.setValue(field, form)}>
              <Text>{enumLabel('employmentForm', form, locale)}</Text>
            </View>
          ))}
        </View>
      ) : (
        <Input className={`ruhui-input ruhui-info__input--${field}`} {...a11yLabel(label)} value={s.values[field] ?? ''} {...(field === 'base_region' || field === 'mobile' ? { type: 'number' as const } : {})} onInput={(e) => answer.setValue(field, e.detail.value)} />
      )}
      {issue && (
        <View className="ruhui-field__error" {...a11yRole('alert')}>
          <Text>{issue}</Text>
        </View>
      )}
    </View>
  )
}

export interface FlowInfoAnswerProps {
  registryUrl: string
  joinToken: string
  onTokenExpired?(): Promise<string>
  transport?: HttpTransport
  locale?: 'zh-CN' | 'en'
  capabilities?: Pick<MemberCapabilities, 'choosePhoto'>
  application: Application
  /** The answer was accepted: read the application's status again. */
  onAnswered?(): void
}

/** In the join flow's result step: the union's request for this application, and the answer, with the flow's own join token. */
export function FlowInfoAnswer(props: FlowInfoAnswerProps) {
  const request = infoRequestOf(props.application)
  const [api] = useState(() => {
    const refresh = () => (props.onTokenExpired ? props.onTokenExpired() : Promise.reject(new Error('no onTokenExpired')))
    return memberApiOf(createRegistryClient({ baseUrl: props.registryUrl, auth: { token: props.joinToken, refresh }, transport: props.transport ?? createTaroTransport(), ...(props.locale ? { locale: props.locale } : {}) }))
  })
  const labels = resolveMemberLabels(props.locale)
  if (!request) return null
  return <InfoAnswerView api={api} request={request} labels={labels} {...(props.capabilities ? { capabilities: props.capabilities } : {})} {...(props.locale ? { locale: props.locale } : {})} onAnswered={() => props.onAnswered?.()} />
}
