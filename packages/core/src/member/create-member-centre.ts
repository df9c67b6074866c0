/**
 * The headless member centre (我的会籍): the membership with its card, the services, and the
 * driver's requests (move, leave, change details), as a state machine the shells render.
 * State changes only through the reducer (reduce.ts); the calls run here and come back as actions.
 */
import { createIdempotencyKey } from '../client/request'
import { isRegistryError } from '../client/errors'
import { isTransportError } from '../http/transport'
import { defaultPlatform } from '../platform'
import type { Membership } from './api'
import { type MemberAction, type MemberEffect, initialMemberState, reduceMember } from './reduce'
import type { MemberCentre, MemberCentreOptions, MemberError, MemberNotice, MemberState } from './types'

/** A failure in words: the registry's own message for its errors, else a plain one. */
export function memberErrorOf(e: unknown, locale: 'zh-CN' | 'en' = 'zh-CN'): MemberError {
  if (isRegistryError(e)) return { code: e.code, message: e.userMessage, ...(e.param ? { field: e.param } : {}) }
  if (isTransportError(e)) return { code: 'network_error', message: locale === 'en' ? 'No connection; please try again when you have signal' : '网络不通，请在信号好时再试' }
  return { code: 'unexpected', message: locale === 'en' ? 'Something went wrong; please try again later' : '出了点问题，请稍后再试' }
}

export function createMemberCentre(options: MemberCentreOptions): MemberCentre {
  const { api } = options
  const locale = options.locale ?? 'zh-CN'
  const platform = options.platform ?? defaultPlatform
  let state: MemberState = initialMemberState()
  let destroyed = false
  const listeners = new Set<(s: MemberState) => void>()

  function dispatch(action: MemberAction): Promise<void> {
    if (destroyed) return Promise.resolve()
    const next = reduceMember(state, action, locale)
    if (next.state !== state) {
      state = next.state
      for (const l of listeners) l(state)
    }
    return Promise.all(next.effects.map(run)).then(() => undefined)
  }

  function run(e: MemberEffect): Promise<void> {
    if (e.call === 'emit') {
      try {
        options.onEvent?.({ name: e.name, ...(e.metadata ? { metadata: e.metadata } : {}) })
      } catch {
        // the host's own error stays the host's
      }
      return Promise.resolve()
    }
    const failed = (err: unknown) => dispatch({ type: 'failed', error: memberErrorOf(err, locale), online: !(isTransportError(err) || isRegistryError(err, 'connection_error')) })
    const done = (notice: MemberNotice) => (m: Membership | null) => dispatch({ type: 'done', notice, membership: m })
    const attempt = <T>(f: () => Promise<T>) => Promise.resolve().then(f)
    switch (e.call) {
      case 'keep':
        return keep(e.membership)
      case 'membership':
        return attempt(() => api.membership()).then((membership) => dispatch({ type: 'loaded', membership }), failed)
      case 'services':
        // Without services the card still shows: a failure here changes nothing.
        return attempt(() => api.services(e.region ? { region: e.region } : {})).then((services) => dispatch({ type: 'servicesLoaded', services }), () => undefined)
      case 'places':
        // Counties only (the type-ahead also finds prefectures), in words from the province down.
        return attempt(() => api.places(e.query)).then(
          (rs) => dispatch({ type: 'placesFound', query: e.query, results: rs.filter((r) => r.level === 'county').map((r) => ({ code: r.code, name: r.full_name ?? r.name })) }),
          () => dispatch({ type: 'placesFound', query: e.query, results: [] }),
        )
      case 'transferOptions':
        return attempt(() => api.transferOptions({ base_region: { county: e.county } })).then((match) => dispatch({ type: 'optionsFound', match }), failed)
      case 'transfer':
        return attempt(() => api.transfer(e.body, e.key)).then(() => done('moveSent')(null), failed)
      case 'leave':
        return attempt(() => api.leave(e.body, e.key)).then(done('leaveSent'), failed)
      case 'cancelLeave':
        return attempt(() => api.cancelLeave(e.key)).then(done('leaveCancelled'), failed)
      case 'updateProfile':
        return attempt(() => api.updateProfile(e.body, e.key)).then(done('updateSaved'), failed)
    }
  }

  const storage = options.storage && options.storage.private ? options.storage : null
  const CARD_KEY = 'ruhui.member.card'
  /** Keep (or forget) the card on the phone; storage trouble never stops the centre. */
  const keep = (m: Membership | null) =>
    Promise.resolve()
      .then(() => (storage ? (m ? storage.setItem(CARD_KEY, JSON.stringify(m)) : storage.removeItem(CARD_KEY)) : undefined))
      .then(noop, noop)
  const cached = (): Promise<Membership | null> =>
    Promise.resolve()
      .then(() => (storage ? storage.getItem(CARD_KEY) : null))
      .then((text) => {
        const m = text ? (JSON.parse(text) as Membership) : null
        return m && typeof m === 'object' && m.card && typeof m.card.qr_payload === 'string' ? m : null
      })
      .catch(() => null)
  let first = true
  const key = () => createIdempotencyKey(platform)
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => void listeners.delete(listener)
    },
    async load() {
      // The first load shows the kept card at once (marked stale) while the registry is asked.
      if (first) {
        first = false
        const m = await cached()
        if (m) await dispatch({ type: 'cached', membership: m })
      }
      return dispatch({ type: 'load' })
    },
    open: (panel) => void dispatch({ type: 'open', panel }),
    setMove: (patch) => void dispatch({ type: 'setMove', patch }),
    searchPlaces: (query) => dispatch({ type: 'searchPlaces', query }),
    pickPlace: (code) => void dispatch({ type: 'pickPlace', code }),
    findUnions: () => dispatch({ type: 'findUnions' }),
    selectUnion: (orgId) => void dispatch({ type: 'selectUnion', orgId }),
    setLeave: (patch) => void dispatch({ type: 'setLeave', patch }),
    cancelLeave: () => dispatch({ type: 'cancelLeave', key: key() }),
    setUpdate: (patch) => void dispatch({ type: 'setUpdate', patch }),
    submitMove: () => dispatch({ type: 'submitMove', key: key() }),
    submitLeave: () => dispatch({ type: 'submitLeave', key: key() }),
    submitUpdate: () => dispatch({ type: 'submitUpdate', key: key() }),
    destroy() {
      destroyed = true
      listeners.clear()
    },
  }
}

const noop = () => undefined
