/**
 * Effects: the calls the reducer asks for (match, submit, regions, phone, face, status polling,
 * volunteer, transfer, services) and the host callbacks. Each call's result or failure comes back
 * as the action the effect names.
 */
import type { JoinTokenClient } from '../client/create-registry-client'
import { isRegistryError } from '../client/errors'
import { toChinaTime } from '../contract/common'
import type { ActionBody, Call, Effect, Failure } from './actions'
import type { createSender } from './outbox'
import type { HostCapabilities, JoinFlowOptions } from './types'

export interface EffectPorts {
  client: JoinTokenClient
  sender: ReturnType<typeof createSender>
  capabilities: HostCapabilities
  options: Pick<JoinFlowOptions, 'onSuccess' | 'onExit' | 'onEvent' | 'sessionId' | 'locale'>
  now(): number
  isOnline(): boolean
  /** The draft write under way (a submission is sent only once its key is stored). */
  saved(): Promise<void>
  discardDraft(): Promise<void>
  /** Apply a result; resolves once the effects it leads to are done. */
  dispatch(action: ActionBody): Promise<void>
}

/** A failure as data for the reducer: the registry's code and words, or a plain "something went wrong". */
export function toFailure(e: unknown, locale: JoinFlowOptions['locale']): Failure {
  if (isRegistryError(e)) return { type: e.type, code: e.code, message: e.userMessage, ...(e.param ? { param: e.param } : {}) }
  return { type: 'unexpected', code: 'unexpected', message: locale === 'en' ? 'Something went wrong; please try again later' : '出了点问题，请稍后再试' }
}

const CALLS: { [K in Call['call']]: (p: EffectPorts, input: Extract<Call, { call: K }>['input']) => Promise<unknown> } = {
  services: (p, q) => p.client.memberServices.list({ ...(q.region ? { region: q.region } : {}), membership: q.membership }).then((l) => l.data),
  regions: (p, q) => p.client.regions.list(q).then((l) => l.data),
  texts: (p) => p.client.consentTexts.list().then((l) => l.data),
  parks: (p, q) => p.client.parks.list(q).then((l) => l.data),
  phone: (p, code) => p.capabilities.exchangePhoneCode!(code),
  hostPhone: (p) => p.capabilities.verifiedPhone!(),
  face: (p) => p.capabilities.verifyFace!(),
  match: (p, request) => p.client.organisations.match(request),
  submit: (p, outbox) => p.sender.send(outbox, p.saved),
  transfer: (p, t) => p.client.transfers.request({ to_org_id: t.to, reason: t.reason }, { idempotencyKey: t.key }),
  status: (p, id) => p.client.applications.retrieve(id),
  volunteer: (p, o) => p.client.applications.volunteer(o.id, { roles: o.roles }, { idempotencyKey: o.key }),
}

/** A host callback must not break the flow. */
function safely(f: () => void) {
  try {
    f()
  } catch {
    // the host's own error stays the host's
  }
}

export function runEffect(e: Effect, p: EffectPorts): Promise<void> | void {
  const { options } = p
  switch (e.type) {
    case 'emit':
      return safely(() => options.onEvent?.({ name: e.name, sessionId: options.sessionId, at: toChinaTime(p.now()), ...(e.metadata ? { metadata: e.metadata } : {}) }))
    case 'succeed':
      return safely(() => options.onSuccess(e.result))
    case 'exited':
      return safely(() => options.onExit({ sessionId: options.sessionId, reason: e.reason }))
    case 'discardDraft':
      return p.discardDraft()
    case 'call': {
      const tag = e.tag === undefined ? {} : { tag: e.tag }
      const done = Promise.resolve()
        .then(() => (CALLS[e.call] as (p: EffectPorts, input: unknown) => Promise<unknown>)(p, e.input))
        .then(
          (result) => p.dispatch({ type: e.done, result, ...tag } as ActionBody),
          // Without `failed` (a status poll, the services) a failure changes nothing: the next try may do better.
          (err) => e.failed && p.dispatch({ type: e.failed, failure: toFailure(err, options.locale), online: p.isOnline(), ...tag }),
        )
      return e.background ? undefined : done
    }
  }
}
