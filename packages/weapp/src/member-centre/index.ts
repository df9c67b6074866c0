/**
 * `@ruhui/weapp/member-centre`: 我的会籍 as a native WeChat custom component — the e-card with its
 * QR code drawn as views, status, union contact, history, member services, the union's request for
 * information (answered with wx.chooseMedia photos) and the driver's requests (move, leave, change
 * details). It renders @ruhui/core/member's state and nothing else.
 * Events: memberevent ({ name, metadata }), needtoken → provideToken(token), close.
 */
import { createRegistryClient, type JoinTokenClient } from '@ruhui/core/client'
import { type InfoAnswer, type MemberCentre, type MemberPanel, type MoveReason, createInfoAnswer, createMemberCentre, infoRequestOf, memberApiOf, memberLabels } from '@ruhui/core/member'
import { createHostRequest } from '../host-request'
import { createWxTransport } from '../wx-transport'
import { wxLifecycle, wxStorage } from '../wx-ports'
import { qrBoxes, toMemberView } from './view'
import { wxChoosePhoto } from './wx-member-ports'

interface Inner {
  centre: MemberCentre | null
  client: JoinTokenClient | null
  info: InfoAnswer | null
  infoId: string
  qrText: string
  key: string
  off: (() => void) | null
  token: ReturnType<typeof createHostRequest<string>>
}

interface Self {
  data: { registryUrl: string; sessionId: string; joinToken: string; locale: string }
  setData(data: Record<string, unknown>): void
  triggerEvent(name: string, detail?: unknown): void
  _ruhuiMember: Inner
}

type TapEvent = { currentTarget: { dataset: Record<string, string> }; detail: { value?: string } }

const inner = (self: Self) => (self._ruhuiMember ??= { centre: null, client: null, info: null, infoId: '', qrText: '', key: '', off: null, token: createHostRequest('needtoken') })
const localeOf = (self: Self) => (self.data.locale === 'en' ? 'en' : 'zh-CN')
const withCentre = (self: Self, fn: (c: MemberCentre) => unknown) => {
  const c = inner(self).centre
  if (c) void fn(c)
}

function render(self: Self) {
  const i = inner(self)
  if (!i.centre || !i.client) return
  const s = i.centre.getState()
  // The union's request for information: one answer per request, on the same client.
  const request = infoRequestOf(s.membership)
  if (request && request.id !== i.infoId) {
    i.infoId = request.id
    i.info = createInfoAnswer({ api: memberApiOf(i.client), request, capabilities: { choosePhoto: wxChoosePhoto }, locale: localeOf(self), onAnswered: () => withCentre(self, (c) => c.load()) })
    i.info.subscribe(() => render(self))
  }
  if (!request && !(i.info && i.info.getState().sent)) {
    i.info = null
    i.infoId = ''
  }
  const view = toMemberView(s, i.info ? i.info.getState() : null, { labels: memberLabels(localeOf(self)), locale: localeOf(self) })
  const patch: Record<string, unknown> = { ready: true, view }
  // The code's thousand boxes go over only when the card changes.
  const qrText = view.member ? view.member.qrText : ''
  if (qrText !== i.qrText) {
    i.qrText = qrText
    patch.qr = qrText ? qrBoxes(qrText) : []
  }
  self.setData(patch)
}

function stop(self: Self) {
  const i = inner(self)
  if (i.off) i.off()
  if (i.centre) i.centre.destroy()
  Object.assign(i, { centre: null, client: null, info: null, infoId: '', qrText: '', key: '', off: null })
}

function start(self: Self) {
  const { registryUrl, sessionId, joinToken } = self.data
  const i = inner(self)
  if (i.centre && i.key === `${registryUrl} ${sessionId}`) return
  stop(self)
  if (!registryUrl || !sessionId || !joinToken) return
  const locale = localeOf(self)
  const refresh = () => i.token.ask(() => self.triggerEvent('needtoken', { sessionId }))
  const client = createRegistryClient({ baseUrl: registryUrl, auth: { token: joinToken, refresh }, transport: createWxTransport(), locale })
  const centre = createMemberCentre({ api: memberApiOf(client), storage: wxStorage(), locale, onEvent: (e) => self.triggerEvent('memberevent', e) })
  Object.assign(i, { centre, client, key: `${registryUrl} ${sessionId}` })
  self.setData({ t: memberLabels(locale) })
  centre.subscribe(() => render(self))
  // Back in the foreground: the union may have acted meanwhile.
  i.off = wxLifecycle().onForeground(() => void centre.load())
  void centre.load()
}

Component({
  properties: {
    registryUrl: { type: String, value: '' },
    sessionId: { type: String, value: '' },
    joinToken: { type: String, value: '' },
    locale: { type: String, value: 'zh-CN' },
  },
  data: { ready: false, view: null, qr: [], t: memberLabels('zh-CN') },
  observers: {
    'registryUrl, sessionId'(this: Self) {
      start(this)
    },
    joinToken(this: Self, token: string) {
      const client = inner(this).client
      if (client && token) client.setJoinToken(token)
      else if (!client) start(this)
    },
  },
  lifetimes: {
    detached(this: Self) {
      stop(this)
    },
  },
  methods: {
    /** The host's answer to `needtoken`: a fresh join token for this session. */
    provideToken(this: Self, token: string | null) {
      return inner(this).token.answer(token || null)
    },
    /** Read the membership again (e.g. when the host page shows). */
    reload(this: Self) {
      withCentre(this, (c) => c.load())
    },
    onRetry(this: Self) {
      withCentre(this, (c) => c.load())
    },
    onOpen(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.open((e.currentTarget.dataset.panel || 'home') as MemberPanel))
    },
    onMoveReason(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.setMove({ reason: e.currentTarget.dataset.value as MoveReason }))
    },
    onMoveCounty(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.setMove({ county: e.detail.value || '' }))
    },
    onPlaceSearch(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.searchPlaces(e.detail.value || ''))
    },
    onPickPlace(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.pickPlace(e.currentTarget.dataset.code || ''))
    },
    onFindUnions(this: Self) {
      withCentre(this, (c) => c.findUnions())
    },
    onSelectUnion(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.selectUnion(e.currentTarget.dataset.id || ''))
    },
    onSubmitMove(this: Self) {
      withCentre(this, (c) => c.submitMove())
    },
    onLeaveReason(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.setLeave({ reason: e.currentTarget.dataset.value as never }))
    },
    onLeaveNote(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.setLeave({ note: e.detail.value || '' }))
    },
    onSubmitLeave(this: Self) {
      withCentre(this, (c) => c.submitLeave())
    },
    onCancelLeave(this: Self) {
      withCentre(this, (c) => c.cancelLeave())
    },
    onUpdateMobile(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.setUpdate({ mobile: e.detail.value || '' }))
    },
    onUpdateCounty(this: Self, e: TapEvent) {
      withCentre(this, (c) => c.setUpdate({ county: e.detail.value || '' }))
    },
    onSubmitUpdate(this: Self) {
      withCentre(this, (c) => c.submitUpdate())
    },
    onInfoInput(this: Self, e: TapEvent) {
      const info = inner(this).info
      if (info) info.setValue(e.currentTarget.dataset.field || '', e.detail.value || '')
    },
    onInfoPhoto(this: Self, e: TapEvent) {
      const info = inner(this).info
      if (info) void info.choosePhoto(e.currentTarget.dataset.document || '')
    },
    onInfoSubmit(this: Self) {
      const info = inner(this).info
      if (info) void info.submit()
    },
    onClose(this: Self) {
      this.triggerEvent('close', {})
    },
  },
})
