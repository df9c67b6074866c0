// A stand-in for WeChat's server API, as much as the subscription messages need: the access token
// (/cgi-bin/token), the login code exchange (/sns/jscode2session) and subscribeMessage.send, which
// it records. An access token can be made to expire once, to see the backend fetch a new one.
import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface SentMessage {
  touser: string
  template_id: string
  page: string
  data: Record<string, { value: string }>
  raw: string
}

export async function startWechatStandIn(appId: string, appSecret: string) {
  const sent: SentMessage[] = []
  let token = 'ACCESS_TOKEN_1'
  let tokensIssued = 0
  let expireNext = false
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://wechat')
    const reply = (body: object) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    const credentialsOk = url.searchParams.get('appid') === appId && url.searchParams.get('secret') === appSecret
    if (url.pathname === '/cgi-bin/token') {
      if (!credentialsOk) return reply({ errcode: 40013, errmsg: 'invalid appid' })
      tokensIssued++
      token = `ACCESS_TOKEN_${tokensIssued}`
      return reply({ access_token: token, expires_in: 7200 })
    }
    if (url.pathname === '/sns/jscode2session') {
      const code = url.searchParams.get('js_code') ?? ''
      if (!credentialsOk || !code.startsWith('code-')) return reply({ errcode: 40029, errmsg: 'invalid code' })
      return reply({ openid: `oid-${code.slice(5)}`, session_key: 'sk' })
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        if (url.searchParams.get('access_token') !== token || expireNext) {
          expireNext = false
          return reply({ errcode: 42001, errmsg: 'access_token expired' })
        }
        const raw = Buffer.concat(chunks).toString('utf8')
        sent.push({ ...(JSON.parse(raw) as Omit<SentMessage, 'raw'>), raw })
        reply({ errcode: 0, errmsg: 'ok' })
      })
      return
    }
    res.writeHead(404)
    res.end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    tokensIssued: () => tokensIssued,
    expireTokenOnce: () => void (expireNext = true),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
