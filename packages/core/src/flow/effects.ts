/**
 * Effects: the calls the reducer asks for (match, submit, regions, phone, face, status, volunteer,
 * transfer, services) and the host callbacks. Each result comes back as an action.
 */
import type { JoinTokenClient } from '../client/create-registry-client'
import { isRegistryError } from '../client/errors'
import { toChinaTime } from '../contract/common'
import type { Action, Effect, Failure } from './actions'
import type { createSender } from './outbox'
import type { FlowEvent, HostCapabilities, JoinFlowOptions } from './types'

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
  dispatch(action: Action): Promise<void>
}

/** A failure as data for the reducer: the registry's code and words, or a plain "something went wrong". */
export function toFailure(e: unknown, locale: JoinFlowOptions['locale']): Failure {
  if (isRegistryError(e)) return { type: e.type, code: e.code, message: e.userMessage, ...(e.param ? { param: e.param } : {}) }
  return { type: 'unexpected', code: 'unexpected', message: locale === 'en' ? 'Something went wrong; please try again later' : '出了点问题，请稍后再试' }
}

/** A host callback must not break the flow. */
const safely = (f: () => void) => {
  try {
    f()
  } catch {
    // the host's own error stays the host's
  }
}

export function runEffect(e: Effect, p: EffectPorts): Promise<void> | void {
  const { client, dispatch, options } = p
  const failure = (err: unknown) => toFailure(err, options.locale)
  const call = <T>(work: () => Promise<T>, ok: (r: T) => Action, ko?: (err: unknown) => Action) =>
    work().then(
      (r) => dispatch(ok(r)),
      (err) => (ko ? dispatch(ko(err)) : undefined),
    )
  switch (e.type) {
    case 'emit': {
      const event: FlowEvent = { name: e.name, sessionId: options.sessionId, at: toChinaTime(p.now()), ...(e.metadata ? { metadata: e.metadata } : {}) }
      return safely(() => options.onEvent?.(event))
    }
    case 'succeed':
      return safely(() => options.onSuccess(e.result))
    case 'exited':
      return safely(() => options.onExit({ sessionId: options.sessionId, reason: e.reason }))
    case 'discardDraft':
      return p.discardDraft()
    case 'loadServices': {
      const loading = call(() => client.memberServices.list({ ...(e.region ? { region: e.region } : {}), membership: e.membership }), (list) => ({ type: 'servicesLoaded', services: list.data }))
      return e.background ? undefined : loading
    }
    case 'loadRegions':
      return call(
        () => client.regions.list(e.parent ? { parent: e.parent } : {}),
        (list) => ({ type: 'regionsLoaded', request: e.request, items: list.data }),
        (err) => ({ type: 'regionsFailed', request: e.request, failure: failure(err) }),
      )
    case 'exchangePhone':
      return call(
        async () => p.capabilities.exchangePhoneCode!(e.code),
        (r) => ({ type: 'phoneVerified', mobile: r.mobile, verifiedAt: r.verifiedAt ?? toChinaTime(p.now()), now: p.now() }),
        () => ({ type: 'phoneFailed' }),
      )
    case 'verifyFace':
      return call(
        async () => p.capabilities.verifyFace!(),
        (r) => (r.passed ? { type: 'faceVerified', verifiedAt: r.verifiedAt ?? toChinaTime(p.now()) } : { type: 'faceFailed' }),
        () => ({ type: 'faceFailed' }),
      )
    case 'match':
      return call(
        () => client.organisations.match(e.request),
        (match) => ({ type: 'matched', match }),
        (err) => ({ type: 'matchFailed', failure: failure(err) }),
      )
    case 'send':
      return call(
        () => p.sender.send(e.outbox, p.saved),
        (application) => ({ type: 'submitted', application, synced: e.synced }),
        (err) => ({ type: 'submitFailed', failure: failure(err), online: p.isOnline() }),
      )
    case 'transfer':
      return call(
        () => client.transfers.request({ to_org_id: e.toOrgId, reason: e.reason }, { idempotencyKey: e.idempotencyKey }),
        (transfer) => ({ type: 'transferred', transfer }),
        (err) => ({ type: 'transferFailed', failure: failure(err) }),
      )
    case 'fetchStatus':
      // A failed poll changes nothing: the next one tries again, and the result shown stays what was last known.
      return call(() => client.applications.retrieve(e.applicationId), (application) => ({ type: 'statusFetched', application }))
    case 'volunteer':
      return call(
        () => client.applications.volunteer(e.applicationId, { roles: e.roles }, { idempotencyKey: e.idempotencyKey }),
        () => ({ type: 'volunteered' }),
        (err) => ({ type: 'volunteerFailed', failure: failure(err) }),
      )
  }
}
