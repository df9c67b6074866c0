// WeChat subscription messages (订阅消息) for the registry's decisions: the driver agreed in the
// mini-program (wx.requestSubscribeMessage, asked by the join flow through a host capability);
// the app sends the backend its login code and the templates accepted; each signed event from the
// registry that is a decision becomes one subscribeMessage.send to that driver. What the platform
// knows is only the status (never the union, a name or an ID number), so that is all a message says.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html

/** The decisions a driver hears of, and the words of each (keywords of the template the platform chose in WeChat's library). */
export const DECISIONS = {
  'application.approved': { template: 'review_result', result: '已通过', note: '欢迎加入工会，电子会员卡在“我的会籍”中查看' },
  'application.rejected': { template: 'review_result', result: '未通过', note: '原因请在“我的会籍”中查看，可以重新申请' },
  'application.needs_info': { template: 'review_result', result: '需补充材料', note: '请在“我的会籍”中查看需要补充的内容' },
  'transfer.completed': { template: 'membership_change', result: '转接完成', note: '会员组织关系已转入新工会，入会时间不变' },
  'transfer.rejected': { template: 'membership_change', result: '转接未办理', note: '会籍仍在原工会，详情在“我的会籍”中查看' },
  'membership.withdrawn': { template: 'membership_change', result: '已退会', note: '工会已确认您的退会申请，电子会员卡已停用' },
  'membership.expelled': { template: 'membership_change', result: '会籍已取消', note: '如有异议请联系所在工会' },
}

/** WeChat's words limits: thing ≤ 20 characters, phrase ≤ 5. */
const cut = (s, n) => [...s].slice(0, n).join('')
const chinaTime = (ms) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

/**
 * @param {{ appId: string, appSecret: string, templates: { review_result: string, membership_change: string }, page?: string,
 *   apiBase?: string, fetchImpl?: typeof fetch, now?: () => number, log?: (line: object) => void,
 *   platformUserOf: (sessionId: string) => Promise<string | undefined> }} options
 *   templates: the template ids of the mini-program (订阅消息 › 我的模板), one for review results and one for membership changes,
 *   each with the keywords thing1 (事项), phrase2 (结果), time3 (时间), thing4 (说明).
 *   platformUserOf: the platform user a join session was made for (the registry's session read with the platform's key).
 */
export function createSubscriptionNotifier({ appId, appSecret, templates, page = 'pages/me/index' /* the example driver app's 我的 tab */, apiBase = 'https://api.weixin.qq.com', fetchImpl = fetch, now = Date.now, log = () => {}, platformUserOf }) {
  /**
   * platform user → { openid, left: template id → messages still allowed (each acceptance allows one) }.
   * In memory for the example; a platform keeps this with its own user records.
   */
  const subscribers = new Map()
  const handled = new Set()
  const inflight = new Set()
  /** @type {{ token: string, until: number } | undefined} */
  let cached
  const call = async (path, init) => (await fetchImpl(`${apiBase}${path}`, { ...init, signal: AbortSignal.timeout(10_000) })).json()
  const accessToken = async () => {
    if (cached && cached.until > now()) return cached.token
    const body = await call(`/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`, {})
    if (!body.access_token) throw new Error(`wechat token: ${body.errcode ?? 'no token'}`)
    cached = { token: body.access_token, until: now() + (Number(body.expires_in ?? 7200) - 300) * 1000 }
    return cached.token
  }

  /** The app reports a subscription: its wx.login code (for the openid) and the template ids the driver accepted. */
  async function subscribe(platformUserId, { code, accepted }) {
    if (typeof code !== 'string' || !/^[\w-]{1,128}$/.test(code)) return { ok: false, status: 400, error: { code: 'invalid_login_code', message: '登录凭证无效，请重试' } }
    const known = new Set(Object.values(templates))
    if (!Array.isArray(accepted) || accepted.length === 0 || accepted.length > 10 || !accepted.every((t) => known.has(t))) return { ok: false, status: 400, error: { code: 'parameter_invalid', param: 'accepted', message: '订阅的消息模板不正确' } }
    const session = await call(`/sns/jscode2session?appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}&js_code=${encodeURIComponent(code)}&grant_type=authorization_code`, {})
    if (!session.openid) return { ok: false, status: 400, error: { code: 'invalid_login_code', message: '登录凭证无效，请重试' } }
    const entry = subscribers.get(platformUserId) ?? { openid: session.openid, left: new Map() }
    entry.openid = session.openid
    for (const t of accepted) entry.left.set(t, (entry.left.get(t) ?? 0) + 1)
    subscribers.set(platformUserId, entry)
    return { ok: true, status: 200, body: { subscribed: accepted.length } }
  }

  /**
   * One message for a decision event (once per event id, even if the registry delivers it again);
   * returns what happened. Throws when WeChat cannot be reached: the webhook is then answered with
   * an error and the registry's outbox delivers the event again later.
   */
  async function notify(event) {
    const decision = DECISIONS[event.type]
    if (!decision || handled.has(event.id) || inflight.has(event.id)) return 'skipped'
    inflight.add(event.id)
    try {
      const outcome = await deliver(event, decision)
      handled.add(event.id)
      return outcome
    } finally {
      inflight.delete(event.id)
    }
  }

  async function deliver(event, decision) {
    const sessionId = event.data?.object?.session_id
    const user = sessionId ? await platformUserOf(sessionId) : undefined
    const entry = user ? subscribers.get(user) : undefined
    const templateId = templates[decision.template]
    if (!entry || !((entry.left.get(templateId) ?? 0) > 0)) {
      log({ level: 'info', msg: 'no subscription for this decision', event: event.id, type: event.type })
      return 'not_subscribed'
    }
    const message = {
      touser: entry.openid,
      template_id: templateId,
      page,
      lang: 'zh_CN',
      data: { thing1: { value: cut(event.type.startsWith('application.') ? '工会入会申请' : '工会会籍', 20) }, phrase2: { value: cut(decision.result, 5) }, time3: { value: chinaTime(Date.parse(event.created_at) || now()) }, thing4: { value: cut(decision.note, 20) } },
    }
    const send = async () => call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(await accessToken())}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message) })
    let body = await send()
    // An access token WeChat no longer accepts (40001 invalid, 42001 expired): a new one, once.
    if (body.errcode === 40001 || body.errcode === 42001) {
      cached = undefined
      body = await send()
    }
    if (body.errcode === 0) {
      entry.left.set(templateId, entry.left.get(templateId) - 1)
      log({ level: 'info', msg: 'subscription message sent', event: event.id, type: event.type })
      return 'sent'
    }
    // 43101: the driver has no subscription left for this template (refused, or used up).
    if (body.errcode === 43101) entry.left.set(templateId, 0)
    log({ level: 'warn', msg: 'subscription message refused', event: event.id, errcode: body.errcode })
    return 'refused'
  }

  return { subscribe, notify, subscribers }
}
