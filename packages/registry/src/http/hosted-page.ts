/**
 * The hosted join page at /join (issue #14): the join flow alone (packages/hosted-join, a Taro h5
 * build of @ruhui/taro's JoinUnionFlow), for native apps' WebViews and platforms' iframes.
 *
 * hosted_url is `/join?p=<platform id>#session=…&token=…`: the server never sees the fragment, so the
 * platform rides in the query. Its registered origins become `frame-ancestors` (no platform, an
 * unknown or disabled one, or none registered: `'none'`, the page opens only at the top level) and
 * are written into the page's `<meta name="ruhui-frame-origins">`, the only origins the page posts to
 * when framed. Scripts, styles, fonts and data only from the registry itself: no third-party request.
 */
import { createRequire } from 'node:module'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Context, Hono } from 'hono'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Caller, RegistryContext } from '../domain/context'
import { platformWeb } from '../domain/platform-web'
import { errorResponse } from './respond'

const require = createRequire(import.meta.url)

/** The page's policy; `frame-ancestors` per platform. */
export function hostedPagePolicy(frameOrigins: readonly string[]): Record<string, string> {
  const ancestors = frameOrigins.length ? frameOrigins.join(' ') : "'none'"
  return {
    'content-security-policy': `default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'; frame-ancestors ${ancestors}`,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    // Taro's h5 runtime reads nothing else; the page asks for no device feature.
    'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  }
}

function hostedDir(): string | null {
  try {
    return join(dirname(require.resolve('@ruhui/hosted-join/package.json')), 'dist')
  } catch {
    return null
  }
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')

type Vars = { Variables: { requestId: string; caller: Caller } }

export function mountHostedPage(app: Hono<Vars>, ctx: RegistryContext) {
  const dir = process.env.RUHUI_HOSTED_JOIN_DIR ?? hostedDir()
  let template: { html: string; mtimeMs: number } | undefined
  const page = async (c: Context) => {
    const index = dir && join(dir, 'index.html')
    if (!index || !existsSync(index)) return errorResponse(c, 'not_found', { message: '托管入会页尚未构建：请先运行 npm run build', en: 'The hosted join page is not built: run npm run build' })
    // Read again after a rebuild (new hashed file names), else from memory.
    const mtimeMs = statSync(index).mtimeMs
    if (template?.mtimeMs !== mtimeMs) template = { html: readFileSync(index, 'utf8'), mtimeMs }
    const platformId = c.req.query('p')
    const origins = platformId && platformId.length <= 64 ? (await platformWeb(ctx.db, platformId)).origins : []
    const html = template.html.replace('<meta name="ruhui-frame-origins" content="">', `<meta name="ruhui-frame-origins" content="${escapeAttr(origins.join(' '))}">`)
    return c.html(html, 200, { ...hostedPagePolicy(origins), 'cache-control': 'no-store' })
  }
  app.get('/join', page)
  app.get('/join/', page)
  if (dir) {
    app.use('/join/*', async (c, next) => {
      await next()
      if (c.req.path === '/join' || c.req.path === '/join/') return // the page: its platform's policy
      for (const [k, v] of Object.entries(hostedPagePolicy([]))) c.res.headers.set(k, v)
      if (c.res.status === 200) c.res.headers.set('cache-control', 'public, max-age=31536000, immutable') // hashed file names
    })
    app.get('/join/*', serveStatic({ root: dir, rewriteRequestPath: (p) => p.replace(/^\/join/, '') }))
  }
}
