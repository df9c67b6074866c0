/**
 * `@ruhui/weapp`: the join flow as a native WeChat custom component. It renders the state of
 * @ruhui/core/flow in WXML and nothing else. Host capabilities are events out and methods back:
 * needtoken → provideToken(token), needface → provideFace({ passed }), phonecode → providePhone({ mobile }).
 * Events: success, exit, flowevent; for a member's session 我的会籍 shows instead (memberevent).
 */
import { createRegistryClient, type JoinTokenClient } from '@ruhui/core/client'
import { SUBSCRIBE_WORDS, sessionModeOf } from '@ruhui/core/member'
import { wxSubscribe } from './member-centre/wx-member-ports'
import { createJoinFlow, type FieldName, type FlowState, type HostCapabilities, type JoinFlow, prefillFromSession } from '@ruhui/core/flow'
import { createHostRequest } from './host-request'
import { labelsFor, zhCN } from './labels'
import { pluginHost } from './plugin-host'
import { screenOf, scrollToTop } from './screen-top'
import { toView } from './view'
import { createWxTransport } from './wx-transport'
import { wxLifecycle, wxNetwork, wxStorage } from './wx-ports'

/** The subscription button's words (the member centre's). */
const subscribeWords = (locale: string) => (locale === 'en' ? SUBSCRIBE_WORDS.en : SUBSCRIBE_WORDS['zh-CN'])

type Phone = { mobile: string; verifiedAt?: string }
type Face = { passed: boolean; verifiedAt?: string }

/** What one mounted component keeps outside `data` (instances share the methods, not these). */
interface Inner {
  flow: JoinFlow | null
  client: JoinTokenClient | null
  /** The registry and session the running flow is for. */
  key: string
  poll: ReturnType<typeof setInterval> | null
  token: ReturnType<typeof createHostRequest<string>>
  phone: ReturnType<typeof createHostRequest<Phone>>
  face: ReturnType<typeof createHostRequest<Face>>
  /** The screen last shown (screen-top.ts): a new one starts at the top. */
  screen: string
}

interface Self {
  data: { registryUrl: string; sessionId: string; joinToken: string; prefill: Parameters<typeof prefillFromSession>[0]; locale: string; capabilities: string; statusPollMs: number }
  setData(data: Record<string, unknown>): void
  triggerEvent(name: string, detail?: unknown): void
  _ruhui: Inner
  createSelectorQuery: Parameters<typeof scrollToTop>[0]['createSelectorQuery']
}

type TapEvent = { currentTarget: { dataset: Record<string, string> }; detail: { value?: string; code?: string; errMsg?: string } }

const inner = (self: Self) => (self._ruhui ??= { flow: null, client: null, key: '', poll: null, token: createHostRequest('needtoken'), phone: createHostRequest('phonecode'), face: createHostRequest('needface'), screen: '' })
const has = (self: Self, what: 'phone' | 'face') => self.data.capabilities.split(/[\s,]+/).includes(what)
const withFlow = (self: Self, fn: (flow: JoinFlow) => unknown) => {
  const flow = inner(self).flow
  if (flow) void fn(flow)
}

function render(self: Self, state: FlowState) {
  const locale = self.data.locale === 'en' ? 'en' : 'zh-CN'
  const host = pluginHost()
  const i = inner(self)
  const view = toView(state, { labels: labelsFor(locale), locale, phone: host ? Boolean(host.getPhone) : has(self, 'phone'), face: host ? Boolean(host.verifyFace) : has(self, 'face') })
  self.setData({ ready: true, view })
  const screen = screenOf(view)
  if (screen !== i.screen) {
    // The first screen is where the host put the component: only later screens scroll.
    if (i.screen) scrollToTop(self, wx.pageScrollTo && ((o) => wx.pageScrollTo!(o)))
    i.screen = screen
  }
  // The result step asks for the review's outcome now and then, so the approval and the e-card show here.
  const waiting = Boolean(view.result && view.result.waiting) && self.data.statusPollMs > 0
  if (waiting && !i.poll) i.poll = setInterval(() => withFlow(self, (f) => f.refreshResult()), self.data.statusPollMs)
  if (!waiting && i.poll) {
    clearInterval(i.poll)
    i.poll = null
  }
}

function stop(self: Self) {
  const i = inner(self)
  if (i.poll) clearInterval(i.poll)
  i.poll = null
  i.flow?.destroy()
  i.flow = null
  i.client = null
  i.key = ''
  i.screen = ''
}

/** The session's prefill: the plugin's configured prefill(sessionId), else the property; anything but an object is refused aloud. */
function prefillOf(self: Self, host: ReturnType<typeof pluginHost>): Parameters<typeof prefillFromSession>[0] {
  const given = host && host.prefill ? host.prefill(self.data.sessionId) : self.data.prefill
  if (given == null) return null
  if (typeof given !== 'object' || Array.isArray(given)) {
    console.warn(`[@ruhui/weapp] prefill must be the session's prefill object, got ${typeof given}; ignored`)
    return null
  }
  return given as Parameters<typeof prefillFromSession>[0]
}

function start(self: Self) {
  const { registryUrl, sessionId, joinToken } = self.data
  const i = inner(self)
  // The host's one setData of all three properties fires both observers: one flow per session.
  if (i.flow && i.key === `${registryUrl} ${sessionId}`) return
  stop(self)
  if (!registryUrl || !sessionId || !joinToken) return
  const host = pluginHost()
  const locale = self.data.locale === 'en' ? 'en' : 'zh-CN'
  // An expired token: the client asks the host once (needtoken → provideToken, or the plugin's
  // configured refreshToken) and sends the same request again; the flow reports TOKEN_REFRESHED.
  const refresh = () => (host && host.refreshToken ? host.refreshToken() : i.token.ask(() => self.triggerEvent('needtoken', { sessionId })))
  let flow: JoinFlow | null = null
  const client = createRegistryClient({ baseUrl: registryUrl, auth: { token: joinToken, refresh }, onTokenRefreshed: () => flow?.tokenRefreshed(), transport: createWxTransport(), locale })
  const capabilities: HostCapabilities = { verifyFace: () => (host && host.verifyFace ? host.verifyFace() : i.face.ask(() => self.triggerEvent('needface', { sessionId }))) }
  // WeChat's button gives a code for the host to exchange; in the plugin there is no button: the host's own verified number comes through configure().
  if (!host) capabilities.exchangePhoneCode = (code: string) => i.phone.ask(() => self.triggerEvent('phonecode', { code }))
  else if (host.getPhone) capabilities.verifiedPhone = host.getPhone
  self.setData({ t: labelsFor(locale), sub: subscribeWords(locale) })
  flow = createJoinFlow({
    client,
    sessionId,
    storage: wxStorage(),
    network: wxNetwork(),
    lifecycle: wxLifecycle(),
    locale,
    capabilities,
    // What the platform's backend already verified and sent with the session: shown read-only, each with 修改.
    prefill: prefillFromSession(prefillOf(self, host)),
    onSuccess: (result) => {
      self.triggerEvent('success', result)
      host?.onSuccess?.(result)
    },
    onExit: (details) => {
      self.triggerEvent('exit', details)
      host?.onExit?.(details)
    },
    onEvent: (event) => {
      self.triggerEvent('flowevent', event)
      host?.onEvent?.(event)
    },
  })
  const f = flow
  i.flow = f
  i.client = client
  i.key = `${registryUrl} ${sessionId}`
  // A member's session, or a request for information waiting: 我的会籍 (member-centre/) instead, and the flow is
  // never shown nor started; otherwise the flow, once the mode is known (nothing to tap before it opens).
  self.setData({ memberCentre: false, ready: false })
  void sessionModeOf(client, sessionId).then((mode) => {
    if (i.flow !== f) return
    if (mode === 'member_centre') return self.setData({ memberCentre: true })
    f.subscribe((state) => render(self, state))
    render(self, f.getState())
    void f.start()
  })
}

Component({
  options: { multipleSlots: false },
  properties: {
    registryUrl: { type: String, value: '' },
    sessionId: { type: String, value: '' },
    joinToken: { type: String, value: '' },
    /**
     * What the platform's backend sent as `prefill` when it created the session (name, id_number, mobile,
     * employment_form, base_region, plate, verified): set it in the same setData as the session.
     */
    prefill: { type: Object, value: null },
    locale: { type: String, value: 'zh-CN' },
    /** A named look: '' (the union's red) or 'plain' (neutral, for hosts with their own brand colour). */
    theme: { type: String, value: '' },
    /** What the host answers: 'phone' (phonecode → providePhone), 'face' (needface → provideFace); space-separated. */
    capabilities: { type: String, value: '' },
    statusPollMs: { type: Number, value: 15000 },
    /** WeChat subscription-message template ids for the union's decision: the result step offers 接收审核结果通知 (a tap asks wx.requestSubscribeMessage). */
    subscribeTemplates: { type: Array, value: [] },
  },
  data: { ready: false, view: null, t: zhCN, memberCentre: false, subscribed: false, sub: subscribeWords('zh-CN') },
  observers: {
    'registryUrl, sessionId'(this: Self) {
      start(this)
    },
    joinToken(this: Self, token: string) {
      // A fresh token for the same session (the host refreshed it on its own).
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
    /** The host's answer to `needtoken`: a fresh join token for this session (or nothing, if it has none). */
    provideToken(this: Self, token: string | null) {
      // 我的会籍 shown instead of the flow: the answer is its own.
      const shown = (this.data as { memberCentre?: boolean }).memberCentre
      const centre = shown ? (this as unknown as { selectComponent(id: string): { provideToken(t: string | null): boolean } | null }).selectComponent('#ruhui-member-centre') : null
      return centre ? centre.provideToken(token) : inner(this).token.answer(token || null)
    },
    /** 我的会籍 asks for a fresh token: the host answers it as it answers the flow's (provideToken). */
    onMemberNeedToken(this: Self, e: { detail: unknown }) {
      this.triggerEvent('needtoken', e.detail)
    },
    /** 接收审核结果通知: WeChat's request from the driver's tap; `subscribe` tells the host whether it was accepted. */
    onSubscribe(this: Self) {
      const ids = (this.data as { subscribeTemplates?: string[] }).subscribeTemplates || []
      void wxSubscribe(ids).then((r) => {
        if (r.accepted) this.setData({ subscribed: true })
        this.triggerEvent('subscribe', r)
      })
    },
    onMemberEvent(this: Self, e: { detail: unknown }) {
      this.triggerEvent('memberevent', e.detail)
    },
    /** The host's answer to `phonecode`: the number its backend got for the code (or nothing). */
    providePhone(this: Self, phone: Phone | null) {
      return inner(this).phone.answer(phone && phone.mobile ? phone : null)
    },
    /** The host's answer to `needface`. */
    provideFace(this: Self, face: Face | null) {
      return inner(this).face.answer(face || null)
    },
    onNext(this: Self) {
      withFlow(this, (f) => f.next())
    },
    onExit(this: Self) {
      withFlow(this, (f) => f.exit())
    },
    onBack(this: Self) {
      withFlow(this, (f) => f.back())
    },
    /** The sensitive-information consent (Art. 29), before the ID number. */
    onAccept(this: Self) {
      withFlow(this, (f) => f.grantConsent())
    },
    /** The provision to the chosen union (Art. 23), on the share step. */
    onShare(this: Self) {
      withFlow(this, (f) => f.grantShare())
    },
    onDecline(this: Self) {
      withFlow(this, (f) => f.denyConsent())
    },
    onPartners(this: Self) {
      withFlow(this, (f) => f.setShareWithPartners(!f.getState().consent.shareWithPartners))
    },
    onPlatform(this: Self) {
      withFlow(this, (f) => f.setShareMembershipWithPlatform(!f.getState().consent.shareMembershipWithPlatform))
    },
    onInput(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.setField(e.currentTarget.dataset.field as FieldName, e.detail.value || ''))
    },
    /** 修改 on a field the platform filled in: it opens for typing (the home region: the province buttons and the picker). */
    onEdit(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.editField(e.currentTarget.dataset.field as FieldName))
    },
    onChoose(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.setField(e.currentTarget.dataset.field as FieldName, e.currentTarget.dataset.value || ''))
    },
    onEmployment(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.setField('employmentForm', e.currentTarget.dataset.value || ''))
    },
    onOpenRegions(this: Self) {
      withFlow(this, (f) => f.openRegionPicker())
    },
    /** A row of the picker, a type-ahead result, or a province button on the identity step (it opens the picker there). */
    onPickRegion(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.pickRegion(e.currentTarget.dataset.code || ''))
    },
    onSearchRegions(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.searchRegions(e.detail.value || ''))
    },
    onTownship(this: Self) {
      withFlow(this, (f) => f.openTownshipPicker())
    },
    onRegionBack(this: Self) {
      withFlow(this, (f) => f.regionPickerBack())
    },
    onSkipTownship(this: Self) {
      withFlow(this, (f) => f.closeRegionPicker())
    },
    onPhoneNumber(this: Self, e: TapEvent) {
      // WeChat's getPhoneNumber button: a code on success; a refusal leaves the field to be typed.
      if (e.detail && e.detail.code) withFlow(this, (f) => f.applyPhoneCode(e.detail.code as string))
    },
    onHostPhone(this: Self) {
      withFlow(this, (f) => f.useHostPhone())
    },
    onFace(this: Self) {
      withFlow(this, (f) => f.verifyFace())
    },
    onConfirmIdentity(this: Self) {
      withFlow(this, (f) => f.confirmIdentity())
    },
    onSelectUnion(this: Self, e: TapEvent) {
      withFlow(this, (f) => f.selectUnion(e.currentTarget.dataset.id || ''))
    },
    onConfirmUnion(this: Self) {
      withFlow(this, (f) => f.confirmUnion())
    },
    /** The charter step's 同意并提交: the declaration is recorded with this tap and the application sent. */
    onSubmit(this: Self) {
      withFlow(this, (f) => f.submit())
    },
    onRefresh(this: Self) {
      withFlow(this, (f) => f.refreshResult())
    },
    onVolunteer(this: Self) {
      withFlow(this, (f) => f.volunteer())
    },
    onTransfer(this: Self) {
      withFlow(this, (f) => f.requestTransfer('other'))
    },
  },
})
