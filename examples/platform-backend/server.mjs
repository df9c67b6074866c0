// A freight platform's backend (the host of the "加入工会" button). It holds the platform's secret
// key, mints join sessions for its signed-in drivers, and receives the registry's signed events.
// Only public entry points: @ruhui/core/client and @ruhui/core/node.
import { createServer } from 'node:http'
import { createFetchTransport, createRegistryClient, isRegistryError } from '@ruhui/core/client'
import { SIGNATURE_HEADER, isWebhookSignatureError, verifyWebhook } from '@ruhui/core/node'
import { PhoneCodeError, createWechatPhoneExchange } from './wechat-phone.mjs'
import { createSubscriptionNotifier } from './wechat-subscribe.mjs'
import { demoPrefill } from './prefill.mjs'

/**
 * @param {{ registryUrl: string, secretKey: string, webhookSecret: string | string[], transport?: import('@ruhui/core/client').HttpTransport, log?: (line: object) => void, corsOrigins?: string[], wechat?: { appId: string, appSecret: string, apiBase?: string, templates?: { review_result: string, membership_change: string }, page?: string } }} options
 *   corsOrigins: pages (origins) allowed to call the driver routes from a browser — the h5 build
 *   of the driver app when it is served from another origin. '*' allows any.
 *   wechat: the mini-program's AppID and AppSecret, for the phone-number exchange (without them the
 *   exchange answers 503: the h5 demo has no WeChat button anyway). With `templates` (review_result, membership_change:
 *   the mini-program's subscription-message template ids) decisions also become WeChat subscription messages.
 *   prefillFor: what the platform already verified about a driver (the session's `prefill`), or null; @default demoPrefill
 */
export function createPlatformBackend({ registryUrl, secretKey, webhookSecret, transport = createFetchTransport(), log = () => {}, corsOrigins = [], wechat, prefillFor = demoPrefill }) {
  const registry = createRegistryClient({ baseUrl: registryUrl, secretKey, transport })
  const phoneFromCode = wechat ? createWechatPhoneExchange(wechat) : undefined
  // Decisions as WeChat subscription messages (wechat-subscribe.mjs), when the mini-program's templates are set.
  const notifier = wechat?.templates ? createSubscriptionNotifier({ ...wechat, templates: wechat.templates, log, platformUserOf: async (sessionId) => (await registry.joinSessions.retrieve(sessionId)).platform_user_id }) : undefined
  /** Status-only events, newest last (the platform never receives personal data). */
  const events = []

  const send = (res, status, body) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
    res.end(JSON.stringify(body))
  }
  const readRaw = (req) =>
    new Promise((resolve, reject) => {
      const chunks = []
      let size = 0
      req.on('data', (c) => {
        size += c.length
        if (size <= 1_000_000) chunks.push(c)
      })
      req.on('end', () => (size > 1_000_000 ? reject(new Error('too large')) : resolve(Buffer.concat(chunks))))
      req.on('error', reject)
    })
  // The registry's errors carry a driver-facing Chinese message: pass it on, with the code.
  const fromRegistry = (res, e) => {
    if (!isRegistryError(e)) throw e
    const status = e.statusCode && e.statusCode < 500 ? e.statusCode : 502
    send(res, status, { error: { code: e.code, message: e.userMessage, request_id: e.requestId ?? null } })
  }

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost')
    const origin = req.headers.origin
    if (url.pathname.startsWith('/api/drivers/') || url.pathname.startsWith('/api/join-sessions/') || url.pathname === '/api/driver-homes') {
      if (origin && (corsOrigins.includes('*') || corsOrigins.includes(origin))) {
        res.setHeader('access-control-allow-origin', origin)
        res.setHeader('vary', 'Origin')
      }
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { 'access-control-allow-methods': 'GET, POST', 'access-control-allow-headers': 'content-type', 'access-control-max-age': '600' })
        return res.end()
      }
    }
    try {
      if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, { status: 'ok', service: 'platform-backend-example' })

      // The platform's own sign-in decides who the driver is; here the id comes in the path (a demo).
      const start = /^\/api\/drivers\/([A-Za-z0-9_-]{1,64})\/join-session$/.exec(url.pathname)
      if (req.method === 'POST' && start) {
        // What the platform verified goes with the session (the registry keeps `verified`) and to its own app (read-only fields).
        const prefill = prefillFor(start[1])
        const session = await registry.joinSessions.create({ platform_user_id: `driver_${start[1]}`, ...(prefill ? { prefill } : {}) }).catch((e) => fromRegistry(res, e))
        if (!session) return
        return send(res, 200, { session_id: session.id, join_token: session.join_token, expires_at: session.expires_at, ...(prefill ? { prefill } : {}) })
      }
      // What the driver app's onTokenExpired calls: a fresh token for the same session.
      const refresh = /^\/api\/join-sessions\/(jsess_[A-Za-z0-9_]{1,64})\/refresh$/.exec(url.pathname)
      if (req.method === 'POST' && refresh) {
        const session = await registry.joinSessions.refresh(refresh[1]).catch((e) => fromRegistry(res, e))
        if (!session) return
        return send(res, 200, { session_id: session.id, join_token: session.join_token, expires_at: session.expires_at })
      }
      // WeChat's getPhoneNumber code → the driver's verified mobile (a host capability of the join flow).
      const phone = /^\/api\/drivers\/([A-Za-z0-9_-]{1,64})\/phone-number$/.exec(url.pathname)
      if (req.method === 'POST' && phone) {
        if (!phoneFromCode) return send(res, 503, { error: { code: 'wechat_not_configured', message: '平台未配置微信小程序，请手动填写手机号' } })
        let code
        try {
          code = JSON.parse((await readRaw(req)).toString('utf8') || '{}').code
        } catch {
          return send(res, 400, { error: { code: 'invalid_request', message: '请求内容不是有效的 JSON' } })
        }
        try {
          const { mobile, verifiedAt } = await phoneFromCode(code)
          log({ level: 'info', msg: 'phone number exchanged', driver: phone[1] })
          return send(res, 200, { mobile, verified_at: verifiedAt })
        } catch (e) {
          if (!(e instanceof PhoneCodeError)) throw e
          return send(res, e.code === 'wechat_unavailable' ? 502 : 400, { error: { code: e.code, message: e.message } })
        }
      }
      // The platform's own facial verification of its signed-in driver (a host capability of the join
      // flow). A real platform asks its face-verification provider here; the demo always passes.
      const face = /^\/api\/drivers\/([A-Za-z0-9_-]{1,64})\/face-check$/.exec(url.pathname)
      if (req.method === 'POST' && face) {
        log({ level: 'info', msg: 'face check (demo: always passes)', driver: face[1] })
        return send(res, 200, { passed: true, verified_at: new Date().toISOString() })
      }
      // 司机之家 near the driver, nearest first: the platform asks the registry with its own key.
      // The driver accepted subscription messages in the mini-program: the app sends its wx.login code and the templates.
      const subscription = /^\/api\/drivers\/([A-Za-z0-9_-]{1,64})\/wechat-subscription$/.exec(url.pathname)
      if (req.method === 'POST' && subscription) {
        if (!notifier) return send(res, 503, { error: { code: 'wechat_not_configured', message: '平台未配置微信订阅消息' } })
        let body
        try {
          body = JSON.parse((await readRaw(req)).toString('utf8') || '{}')
        } catch {
          return send(res, 400, { error: { code: 'invalid_request', message: '请求内容不是有效的 JSON' } })
        }
        const r = await notifier.subscribe(`driver_${subscription[1]}`, { code: body?.code, accepted: body?.accepted })
        return send(res, r.status, r.ok ? r.body : { error: r.error })
      }
      if (req.method === 'GET' && url.pathname === '/api/driver-homes') {
        const lat = Number(url.searchParams.get('lat'))
        const lng = Number(url.searchParams.get('lng'))
        if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return send(res, 400, { error: { code: 'parameter_invalid', param: 'lat', message: '位置不正确' } })
        const near = { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 }
        const list = await registry.memberServices.list({ kind: 'driver_home', near }).catch((e) => fromRegistry(res, e))
        if (!list) return
        return send(res, 200, { data: list.data.slice(0, 10).map((s) => ({ id: s.id, name: s.name, summary: s.summary, address: s.location?.address ?? '', distance_m: s.distance_m ?? null, members_only: s.members_only })) })
      }
      if (req.method === 'POST' && url.pathname === '/webhooks/ruhui') {
        const raw = await readRaw(req) // the raw bytes: a parsed body cannot be verified
        try {
          const event = verifyWebhook(raw, req.headers[SIGNATURE_HEADER.toLowerCase()], webhookSecret)
          if (!events.some((e) => e.id === event.id)) events.push({ id: event.id, type: event.type, object_id: event.data.object.id, status: event.data.object.status })
          log({ level: 'info', msg: 'webhook received', event: event.id, type: event.type })
          if (notifier) {
            try {
              await notifier.notify(event)
            } catch (e) {
              // WeChat could not be reached: the registry delivers the event again later (its outbox retries).
              log({ level: 'warn', msg: 'subscription message not sent', event: event.id, error: String(e?.name ?? e) })
              return send(res, 503, { error: { code: 'wechat_unavailable' } })
            }
          }
          return send(res, 200, { received: true })
        } catch (e) {
          if (!isWebhookSignatureError(e)) throw e
          log({ level: 'warn', msg: 'webhook refused', code: e.code })
          return send(res, 400, { error: { code: e.code } })
        }
      }
      if (req.method === 'GET' && url.pathname === '/api/events') return send(res, 200, { data: events })
      return send(res, 404, { error: { code: 'not_found' } })
    } catch (e) {
      log({ level: 'error', msg: 'unexpected', error: String(e?.name ?? e) })
      if (!res.headersSent) send(res, 500, { error: { code: 'internal_error' } })
    }
  })
  return { server, events, registry }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { RUHUI_REGISTRY_URL = 'http://127.0.0.1:8787', RUHUI_SECRET_KEY, RUHUI_WEBHOOK_SECRET, PORT = '8788', CORS_ORIGINS = '' } = process.env
  if (!RUHUI_SECRET_KEY || !RUHUI_WEBHOOK_SECRET) {
    console.error('Set RUHUI_SECRET_KEY and RUHUI_WEBHOOK_SECRET (from `ruhui-registry platform create`).')
    process.exit(2)
  }
  const { WECHAT_APPID, WECHAT_APPSECRET, WECHAT_API_BASE, WECHAT_TEMPLATE_REVIEW_RESULT, WECHAT_TEMPLATE_MEMBERSHIP_CHANGE } = process.env
  const templates = WECHAT_TEMPLATE_REVIEW_RESULT && WECHAT_TEMPLATE_MEMBERSHIP_CHANGE ? { review_result: WECHAT_TEMPLATE_REVIEW_RESULT, membership_change: WECHAT_TEMPLATE_MEMBERSHIP_CHANGE } : undefined
  const wechat = WECHAT_APPID && WECHAT_APPSECRET ? { appId: WECHAT_APPID, appSecret: WECHAT_APPSECRET, ...(WECHAT_API_BASE ? { apiBase: WECHAT_API_BASE } : {}), ...(templates ? { templates } : {}) } : undefined
  const { server } = createPlatformBackend({ registryUrl: RUHUI_REGISTRY_URL, secretKey: RUHUI_SECRET_KEY, webhookSecret: RUHUI_WEBHOOK_SECRET, corsOrigins: CORS_ORIGINS.split(',').filter(Boolean), wechat, log: (l) => console.log(JSON.stringify(l)) })
  server.listen(Number(PORT), '127.0.0.1', () => console.log(`platform backend example on http://127.0.0.1:${server.address().port} → registry ${RUHUI_REGISTRY_URL}`))
  // Stop: no new connections, idle keep-alive ones (a browser's) closed now, and out within 2 s.
  const stop = () => {
    server.close(() => process.exit(0))
    server.closeIdleConnections()
    setTimeout(() => process.exit(0), 2000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}
