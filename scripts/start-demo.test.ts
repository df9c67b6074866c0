// `npm start`'s demo comes up on a fresh data directory — registry, driver app, console, platform
// backend — answers /health, and shuts down cleanly on SIGTERM.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { startDemo } from './demo-process'

it('brings up the registry, the driver app, the console and the platform backend, with demo sign-ins, and stops on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-start-'))
  const demo = await startDemo(dataDir)
  const banner = demo.banner
  const base = /registry:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string
  const platform = /platform backend:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string
  expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok', storage: 'sqlite' })
  expect(await (await fetch(`${platform}/health`)).json()).toMatchObject({ status: 'ok' })
  expect(await (await fetch(`${base}/`)).text()).toContain('<div id="app">') // the driver app
  expect(await (await fetch(`${base}/console/`)).text()).toContain('<div id="root">') // the console
  // The printed hosted join URL (issue #14): the page, framable by the demo platform's backend origin, and a live token.
  const hosted = new URL(/(http:\/\/127\.0\.0\.1:\d+\/join\?p=P-DEMO#session=jsess_\w+&token=jt_\w+)/.exec(banner)?.[1] as string)
  expect((await fetch(hosted.href.split('#')[0] as string)).headers.get('content-security-policy')).toContain(`frame-ancestors ${platform}`)
  expect((await fetch(`${base}/v1/join-sessions/${new URLSearchParams(hosted.hash.slice(1)).get('session')}`, { headers: { authorization: `Bearer ${new URLSearchParams(hosted.hash.slice(1)).get('token')}` } })).status).toBe(200)
  // The printed sign-in works, and the platform backend mints a join session through the registry.
  const [, login, password] = /login (\S+)\s+password (\S+)/.exec(banner) ?? []
  const signIn = await fetch(`${base}/v1/review/sign-in`, { method: 'POST', body: JSON.stringify({ login, password }) })
  expect(signIn.status).toBe(200)
  const session = await fetch(`${platform}/api/drivers/d1/join-session`, { method: 'POST', headers: { origin: base } })
  expect(session.status).toBe(200)
  expect(session.headers.get('access-control-allow-origin')).toBe(base)
  const services = (await (await fetch(`${base}/v1/member-services`, { headers: { authorization: `Bearer ${((await session.json()) as { join_token: string }).join_token}` } })).json()) as { data: unknown[] }
  expect(services.data.length).toBeGreaterThan(0) // the sample services are loaded
  expect(await demo.stop()).toBe(0)
  rmSync(dataDir, { recursive: true, force: true })
}, 60_000)
