/**
 * The headless join flow: intro → consent (Art. 29) → identity → union → share (Art. 23) → charter → submit → result, as a
 * framework-neutral state machine. The Taro component only renders its state.
 *
 * Guarantees: exactly one terminal callback (onSuccess or onExit), never twice, never none
 * once the flow ends; the draft is persisted after every step and resumed on reopening; a
 * submission made offline (or cut off when the app went to the background) is queued with its
 * idempotency key and sent exactly once. An expired join token is the client's to refresh
 * (`auth.refresh`); the flow reports it as TOKEN_REFRESHED through `tokenRefreshed()`.
 *
 * Here the parts are put together: the state (state.ts), the pure reducer (reduce.ts, with the
 * error policy in error-policy.ts), the outbox (outbox.ts) and the effects (effects.ts).
 */
import { createIdempotencyKey } from '../client/request'
import { defaultPlatform } from '../platform'
import type { Action, ActionBody } from './actions'
import { type EffectPorts, runEffect } from './effects'
import { createSender } from './outbox'
import { reduce } from './reduce'
import { createDraftStore } from './draft-store'
import { type FlowModel, initialModel } from './state'
import type { FlowState, JoinFlow, JoinFlowOptions } from './types'

export type { JoinFlow, JoinFlowOptions, FlowState, FlowStep, FlowEvent, FlowEventName, FieldName, ExitReason, ResultKind, HostCapabilities, ConsentGrant, FlowPrefill } from './types'

export function createJoinFlow(options: JoinFlowOptions): JoinFlow {
  const { client, sessionId, storage, network } = options
  const platform = options.platform ?? defaultPlatform
  const now = options.clock ?? (() => platform.now())
  const config = { sessionId, operator: options.operator ?? (options.locale === 'en' ? 'the operator of this joining service' : '工会入会服务平台运营方'), locale: options.locale ?? 'zh-CN', phone: !!options.capabilities?.exchangePhoneCode, hostPhone: !!options.capabilities?.verifiedPhone, face: !!options.capabilities?.verifyFace } as const
  let model: FlowModel = initialModel(config, options.prefill, network.isOnline())
  const listeners = new Set<(s: FlowState) => void>()
  const unsubscribers: Array<() => void> = []
  let destroyed = false
  const draft = createDraftStore(storage, `ruhui.flow.${sessionId}`)

  const ports: EffectPorts = {
    client,
    sender: createSender(client),
    capabilities: options.capabilities ?? {},
    options: { ...options, sessionId },
    now,
    isOnline: () => network.isOnline(),
    saved: draft.saved,
    discardDraft: draft.discard,
    dispatch,
  }

  /** The one way state changes: stamp the time, reduce, notify, store what is kept, then run the effects. */
  function dispatch(body: ActionBody): Promise<void> {
    const next = reduce(model, { ...body, at: now() } as Action)
    const changed = next.state.view !== model.view
    model = next.state
    if (changed) for (const l of listeners) l(model.view)
    if (body.type === 'open') draft.opened(model)
    else draft.keep(model)
    const running = next.effects.map((e) => runEffect(e, ports)).filter((r): r is Promise<void> => r !== undefined)
    return running.length ? Promise.all(running).then(noop) : Promise.resolve()
  }
  const act = (type: ActionBody['type'], payload?: object) => dispatch({ type, ...payload } as ActionBody)
  const fire = (type: ActionBody['type'], payload?: object) => void act(type, payload)
  // A port may change without telling (a status read before anyone listened): ask it where it matters.
  const checkOnline = () => {
    const online = network.isOnline()
    if (online !== model.view.online) fire('networkChanged', { online })
  }

  return {
    getState: () => model.view,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async start() {
      unsubscribers.push(network.onChange((online) => fire('networkChanged', { online })))
      if (options.lifecycle) unsubscribers.push(options.lifecycle.onForeground(() => fire('foreground')))
      const saved = await draft.read()
      if (destroyed) return // unmounted before it opened (React's strict mode): the next flow for this session resumes the draft
      checkOnline()
      await act('open', { saved })
    },
    next: () => fire('next'),
    back: () => fire('back'),
    grantConsent: () => act('grantConsent'),
    grantShare: () => fire('grantShare'),
    setShareWithPartners: (share) => fire('setShareWithPartners', { share }),
    setShareMembershipWithPlatform: (share) => fire('setShareMembershipWithPlatform', { share }),
    denyConsent: () => fire('denyConsent'),
    setField: (name, value) => fire('setField', { name, value }),
    editField: (name) => fire('editField', { name }),
    openRegionPicker: () => act('openRegionPicker'),
    openTownshipPicker: () => act('openTownshipPicker'),
    pickRegion: (code) => act('pickRegion', { code }),
    searchRegions: (query) => act('searchRegions', { query }),
    regionPickerBack: () => act('regionPickerBack'),
    closeRegionPicker: () => fire('closeRegionPicker'),
    applyPhoneCode: (code) => act('applyPhoneCode', { code }),
    useHostPhone: () => act('useHostPhone', {}),
    verifyFace: () => act('verifyFace'),
    confirmIdentity() {
      checkOnline()
      return act('confirmIdentity')
    },
    selectUnion: (orgId) => fire('selectUnion', { orgId }),
    confirmUnion: () => fire('confirmUnion'),
    async submit() {
      checkOnline()
      await act('submit', { key: createIdempotencyKey(platform) })
      await ports.sender.current() // a double tap joins the request in flight
    },
    requestTransfer: (reason = 'other') => act('requestTransfer', { reason }),
    refreshResult: () => (destroyed ? Promise.resolve() : act('refreshResult')),
    volunteer: (roles = ['activist', 'volunteer']) => (destroyed ? Promise.resolve() : act('volunteer', { roles })),
    exit: () => fire('exit'),
    tokenRefreshed: () => fire('tokenRefreshed'),
    destroy() {
      if (destroyed) return
      destroyed = true
      for (const u of unsubscribers) u()
      listeners.clear()
    },
  }
}

const noop = () => undefined
