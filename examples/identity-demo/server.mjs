// 身份信息校验演示服务: a page and a JSON API over @ruhui/core's identity checks.
// Uses only public entry points (@ruhui/core, @ruhui/core/regions). Never logs personal data.
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { checkDriverIdentity, formatIssue } from '@ruhui/core'
import { lookupRegion, regionTable } from '@ruhui/core/regions'

const MAX_BODY = 64 * 1024
const page = await readFile(new URL('./public/index.html', import.meta.url), 'utf8')

/** The one error shape of the ruhui API: { error: { type, code, message, param?, request_id } }. */
function sendError(res, status, requestId, code, message, param) {
  const error = { type: 'invalid_request_error', code, message, request_id: requestId }
  if (param !== undefined) error.param = param
  send(res, status, requestId, { error })
}

function send(res, status, requestId, body) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'request-id': requestId, 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    // Past the limit, keep draining (and discarding) so the client still gets its 413.
    req.on('data', (c) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => {
      if (size > MAX_BODY) reject(Object.assign(new Error('too large'), { tooLarge: true }))
      else resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

function withWords(issue, locale) {
  return { ...issue, message: formatIssue(issue, locale) }
}

async function checkIdentity(req, res, requestId) {
  let body
  try {
    body = JSON.parse(await readBody(req))
  } catch (e) {
    if (e.tooLarge) return sendError(res, 413, requestId, 'body_too_large', '请求内容太大')
    return sendError(res, 400, requestId, 'invalid_json', '请求内容不是有效的 JSON')
  }
  if (typeof body !== 'object' || body === null || typeof body.profile !== 'object' || body.profile === null) {
    return sendError(res, 400, requestId, 'parameter_missing', '缺少 profile 对象', 'profile')
  }
  const locale = body.locale === 'en' ? 'en' : 'zh-CN'
  const result = checkDriverIdentity(body.profile, { regions: regionTable })
  const idCard = result.ok ? result.value.idCard : undefined
  send(res, 200, requestId, {
    ok: result.ok,
    issues: result.ok ? [] : result.issues.map((i) => withWords(i, locale)),
    warnings: result.warnings.map((i) => withWords(i, locale)),
    eligibility: result.eligibility ?? null,
    // Derived facts only; the number itself is never echoed back.
    derived: idCard
      ? { kind: idCard.kind, birth_date: idCard.birthDate, sex: idCard.sex, age: idCard.age, issued_in: lookupRegion(idCard.regionCode)?.fullName ?? null }
      : null,
  })
}

export function createDemoServer() {
  return createServer(async (req, res) => {
    const requestId = `req_${randomBytes(8).toString('hex')}`
    try {
      const url = new URL(req.url ?? '/', 'http://localhost')
      if (req.method === 'GET' && url.pathname === '/health') return send(res, 200, requestId, { status: 'ok', service: 'ruhui-identity-demo' })
      if (req.method === 'GET' && url.pathname === '/') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        return res.end(page)
      }
      if (url.pathname === '/v1/identity/check') {
        if (req.method !== 'POST') return sendError(res, 405, requestId, 'method_not_allowed', '请使用 POST')
        return await checkIdentity(req, res, requestId)
      }
      return sendError(res, 404, requestId, 'not_found', '没有这个地址')
    } catch (e) {
      console.error(JSON.stringify({ level: 'error', request_id: requestId, error: String(e?.name ?? 'Error') }))
      if (!res.headersSent) send(res, 500, requestId, { error: { type: 'api_error', code: 'internal_error', message: '服务暂时出了点问题，请稍后再试', request_id: requestId } })
    }
  })
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const port = Number(process.env.PORT ?? 8787)
  const host = process.env.HOST ?? '127.0.0.1'
  const server = createDemoServer()
  server.listen(port, host, () => {
    const { port: actual } = server.address()
    console.log(`ruhui 身份信息校验演示服务已启动 / identity-check demo is up:
  页面 page:      http://${host}:${actual}/
  接口 API:       POST http://${host}:${actual}/v1/identity/check   {"profile": {...}, "locale": "zh-CN" | "en"}
  健康检查 health: http://${host}:${actual}/health
(The union registry, driver app and console arrive with later issues; Ctrl-C stops this.)`)
  })
  const stop = () => server.close(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}
