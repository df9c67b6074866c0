// Hosted sessions, the platform's web registrations and CORS (issue #14), on one real registry
// process: the CLI checks origins and return URLs, `platform update` replaces them, hosted_url
// follows RUHUI_PUBLIC_URL, and only registered origins get Access-Control-Allow-Origin.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RegistryInstance, startRegistry } from './registry-process'

const PUBLIC = 'https://ruhui.example.org'
const ORIGIN = 'https://driver.example.com'
let registry: RegistryInstance
let secretKey: string

beforeAll(async () => {
  registry = await startRegistry({ dialect: 'sqlite' }, { RUHUI_PUBLIC_URL: `${PUBLIC}/` })
  const created = registry.cli(['platform', 'create', '--name', '托管会话平台', '--id', 'P-WEB', '--allowed-origin', `${ORIGIN}/`, '--allowed-origin', ORIGIN, '--return-url', `${ORIGIN}/ruhui/done?from=app`]) as Record<string, unknown>
  expect(created).toMatchObject({ platform_id: 'P-WEB', allowed_origins: [ORIGIN], return_urls: [`${ORIGIN}/ruhui/done?from=app`] }) // normalised, once
  secretKey = created.secret_key as string
})

afterAll(async () => {
  await registry?.stop()
  registry?.cleanup()
})

const create = (body: Record<string, unknown>) => fetch(`${registry.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${secretKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('platform web registrations (CLI)', () => {
  it('refuses what is not an origin or an http(s) return URL, naming it', () => {
    for (const [flag, value] of [
      ['--allowed-origin', 'https://driver.example.com/path'],
      ['--allowed-origin', 'javascript:alert(1)'],
      ['--allowed-origin', 'not a url'],
      ['--return-url', 'javascript:alert(1)'],
      ['--return-url', 'https://driver.example.com/done#frag'],
    ] as const) {
      expect(() => registry.cli(['platform', 'create', '--name', '坏平台', flag, value])).toThrow(new RegExp(`${flag} refused`))
    }
  })

  it('platform update replaces the lists it is given; an unknown platform is an error', async () => {
    expect(registry.cli(['platform', 'update', '--id', 'P-WEB', '--return-url', `${ORIGIN}/ruhui/done?from=app`, '--return-url', `${ORIGIN}/back`])).toEqual({ platform_id: 'P-WEB', return_urls: [`${ORIGIN}/ruhui/done?from=app`, `${ORIGIN}/back`] })
    expect(() => registry.cli(['platform', 'update', '--id', 'P-NOBODY', '--return-url', `${ORIGIN}/back`])).toThrow(/no platform P-NOBODY/)
    expect(() => registry.cli(['platform', 'update', '--id', 'P-WEB'])).toThrow(/nothing to update/)
    expect((await create({ platform_user_id: 'u-back', return_url: `${ORIGIN}/back` })).status).toBe(201)
  })
})

describe('hosted sessions', () => {
  it('hosted_url on RUHUI_PUBLIC_URL, the token in the fragment; the return URL kept and shown to the token holder', async () => {
    const res = await create({ platform_user_id: 'u-1', return_url: `${ORIGIN}/ruhui/done?from=app` })
    const s = (await res.json()) as Record<string, string>
    expect(res.status).toBe(201)
    expect(s.hosted_url).toBe(`${PUBLIC}/join?p=P-WEB#session=${s.id}&token=${s.join_token}`)
    const seen = (await (await fetch(`${registry.baseUrl}/v1/join-sessions/${s.id}`, { headers: { authorization: `Bearer ${s.join_token}` } })).json()) as Record<string, unknown>
    expect(seen).toMatchObject({ id: s.id, return_url: `${ORIGIN}/ruhui/done?from=app` })
    expect(seen.hosted_url).toBeUndefined() // only with a minted token
    expect(seen.join_token).toBeUndefined()
    const refreshed = (await (await fetch(`${registry.baseUrl}/v1/join-sessions/${s.id}/refresh`, { method: 'POST', headers: { authorization: `Bearer ${secretKey}` } })).json()) as Record<string, string>
    expect(refreshed.hosted_url).toBe(`${PUBLIC}/join?p=P-WEB#session=${s.id}&token=${refreshed.join_token}`)
  })

  it('a return URL that is not registered exactly is a 400 return_url_not_allowed in the error shape', async () => {
    for (const return_url of [`${ORIGIN}/ruhui/done`, 'https://evil.example.net/ruhui/done?from=app', 'javascript:alert(1)']) {
      const res = await create({ platform_user_id: 'u-2', return_url })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'return_url_not_allowed', param: 'return_url', message: '返回地址不在平台登记的返回地址之内' } })
    }
    const tooLong = await create({ platform_user_id: 'u-2', return_url: `${ORIGIN}/${'x'.repeat(3000)}` })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.json()).toMatchObject({ error: { param: 'return_url' } })
  })

  it('the page: frame-ancestors from the platform in ?p= (none without one); its origins in the page; no X-Frame-Options', async () => {
    const page = await fetch(`${registry.baseUrl}/join?p=P-WEB`)
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy') ?? ''
    expect(csp).toContain(`frame-ancestors ${ORIGIN}`)
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self'")
    expect(page.headers.get('x-frame-options')).toBeNull()
    expect(await page.text()).toContain(`<meta name="ruhui-frame-origins" content="${ORIGIN}">`)
    for (const path of ['/join', '/join?p=P-NOBODY', '/join?p=%22%3E%3Cscript%3E']) {
      const other = await fetch(`${registry.baseUrl}${path}`)
      expect(other.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
      expect(await other.text()).toContain('<meta name="ruhui-frame-origins" content="">')
    }
  })
})

describe('CORS', () => {
  const preflight = (origin: string) => fetch(`${registry.baseUrl}/v1/organisations/match`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' } })

  it('a registered origin: the preflight answered (204) and the calls carry its Access-Control-Allow-Origin', async () => {
    const ok = await preflight(ORIGIN)
    expect(ok.status).toBe(204)
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(ok.headers.get('access-control-allow-headers')).toContain('idempotency-key')
    const call = await fetch(`${registry.baseUrl}/v1/regions`, { headers: { origin: ORIGIN } })
    expect(call.headers.get('access-control-allow-origin')).toBe(ORIGIN)
    expect(call.headers.get('vary')).toMatch(/origin/i)
  })

  it('any other origin: refused preflight in the error shape, and never an Access-Control-Allow-Origin', async () => {
    for (const origin of ['https://evil.example.net', 'https://driver.example.com:8443', 'null']) {
      const no = await preflight(origin)
      expect(no.status).toBe(403)
      expect(no.headers.get('access-control-allow-origin')).toBeNull()
      expect(await no.json()).toMatchObject({ error: { code: 'forbidden' } })
      const call = await fetch(`${registry.baseUrl}/v1/regions`, { headers: { origin } })
      expect(call.headers.get('access-control-allow-origin')).toBeNull()
    }
  })
})

describe('platform web registrations (the console, registry admins only)', () => {
  const admin = () => registry.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '江苏管理员', '--role', 'registry_admin']).key as string
  const orgAdmin = () => registry.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京管理员', '--role', 'admin']).key as string
  const as = (key: string, path: string, body?: unknown) => fetch(`${registry.baseUrl}${path}`, { method: body === undefined ? 'GET' : 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })

  it('a platform added with its credit code, origins and return URLs; the lists replaced later; /join and sessions follow at once', async () => {
    const key = admin()
    const bad = await as(key, '/v1/review/platforms', { name: '控制台平台', allowed_origins: ['https://ok.example.com', 'https://x.example.com/path'] })
    expect([bad.status, ((await bad.json()) as { error: { param: string } }).error.param]).toEqual([400, 'allowed_origins.1'])
    const badUscc = await as(key, '/v1/review/platforms', { name: '控制台平台', uscc: '91320100900000014X' })
    expect([badUscc.status, ((await badUscc.json()) as { error: { param: string } }).error.param]).toEqual([400, 'uscc'])
    const made = (await (await as(key, '/v1/review/platforms', { name: '控制台平台', uscc: '91320100900000014Q', allowed_origins: ['https://ok.example.com/'], return_urls: ['https://ok.example.com/done'] })).json()) as { id: string; secret_key: string; allowed_origins: string[] }
    expect(made.allowed_origins).toEqual(['https://ok.example.com'])
    const updated = await as(key, `/v1/review/platforms/${made.id}/web`, { allowed_origins: ['https://new.example.com'], return_urls: ['https://new.example.com/back'] })
    expect(await updated.json()).toEqual({ object: 'platform_web', id: made.id, allowed_origins: ['https://new.example.com'], return_urls: ['https://new.example.com/back'] })
    const listed = ((await (await as(key, '/v1/review/platforms')).json()) as { data: Array<{ id: string; uscc: string; allowed_origins: string[]; return_urls: string[] }> }).data.find((p) => p.id === made.id)
    expect(listed).toMatchObject({ uscc: '91320100900000014Q', allowed_origins: ['https://new.example.com'], return_urls: ['https://new.example.com/back'] })
    const page = await fetch(`${registry.baseUrl}/join?p=${made.id}`)
    expect(page.headers.get('content-security-policy')).toContain('frame-ancestors https://new.example.com')
    expect(page.headers.get('content-security-policy')).not.toContain('ok.example.com')
    const session = (body: Record<string, unknown>) => fetch(`${registry.baseUrl}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${made.secret_key}`, 'content-type': 'application/json' }, body: JSON.stringify(body) })
    expect((await session({ platform_user_id: 'web-1', return_url: 'https://new.example.com/back' })).status).toBe(201)
    expect(((await (await session({ platform_user_id: 'web-2', return_url: 'https://ok.example.com/done' })).json()) as { error: { code: string } }).error.code).toBe('return_url_not_allowed')
    expect((await as(key, '/v1/review/platforms/P-NONE/web', { allowed_origins: [], return_urls: [] })).status).toBe(404)
  })

  it('an organisation admin may not change a platform’s web access', async () => {
    const res = await as(orgAdmin(), '/v1/review/platforms/P-WEB/web', { allowed_origins: ['https://evil.example.com'], return_urls: [] })
    expect(res.status).toBe(403)
  })
})
