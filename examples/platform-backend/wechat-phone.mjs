// WeChat's phone-number exchange, as a platform's backend does it: the code from the mini-program's
// getPhoneNumber button → the number WeChat has verified for the user. The access token (2 h) is
// fetched with the mini-program's AppID and AppSecret and kept until shortly before it expires.
// https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-info/phone-number/getPhoneNumber.html

export class PhoneCodeError extends Error {
  /** @param {string} code @param {string} message */
  constructor(code, message) {
    super(message)
    this.code = code
  }
}

/**
 * @param {{ appId: string, appSecret: string, apiBase?: string, fetchImpl?: typeof fetch, now?: () => number }} options
 * @returns {(code: string) => Promise<{ mobile: string, verifiedAt: string }>}
 */
export function createWechatPhoneExchange({ appId, appSecret, apiBase = 'https://api.weixin.qq.com', fetchImpl = fetch, now = Date.now }) {
  /** @type {{ token: string, until: number } | undefined} */
  let cached
  const accessToken = async () => {
    if (cached && cached.until > now()) return cached.token
    const res = await fetchImpl(`${apiBase}/cgi-bin/token?grant_type=client_credential&appid=${encodeURIComponent(appId)}&secret=${encodeURIComponent(appSecret)}`, { signal: AbortSignal.timeout(10_000) })
    const body = await res.json()
    if (!body.access_token) throw new PhoneCodeError('wechat_unavailable', `微信接口暂不可用（${body.errcode ?? res.status}）`)
    cached = { token: body.access_token, until: now() + (Number(body.expires_in ?? 7200) - 300) * 1000 }
    return cached.token
  }
  return async (code) => {
    if (typeof code !== 'string' || !/^[\w-]{1,128}$/.test(code)) throw new PhoneCodeError('invalid_phone_code', '获取手机号失败，请重新点击按钮')
    const call = async () => {
      const res = await fetchImpl(`${apiBase}/wxa/business/getuserphonenumber?access_token=${encodeURIComponent(await accessToken())}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }), signal: AbortSignal.timeout(10_000) })
      return res.json()
    }
    let body = await call()
    // An access token WeChat no longer accepts (40001 invalid, 42001 expired): fetch a new one, once.
    if (body.errcode === 40001 || body.errcode === 42001) {
      cached = undefined
      body = await call()
    }
    if (body.errcode === 0 && /^1\d{10}$/.test(body.phone_info?.purePhoneNumber ?? '') && (body.phone_info.countryCode ?? '86') === '86') {
      return { mobile: body.phone_info.purePhoneNumber, verifiedAt: new Date(now()).toISOString() }
    }
    if (body.errcode === 0) throw new PhoneCodeError('unsupported_number', '暂不支持该手机号，请手动填写中国大陆手机号')
    // 40029 and the like: a code used twice, expired (5 min) or forged.
    throw new PhoneCodeError('invalid_phone_code', '获取手机号失败，请重新点击按钮')
  }
}
