// `npm start`'s service comes up on a fresh data directory, answers /health, and shuts down cleanly.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

it('starts the registry with the sample directory and demo credentials, and stops on SIGTERM', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-start-'))
  const child = spawn(process.execPath, [join(import.meta.dirname, 'start-demo.mjs')], { env: { ...process.env, RUHUI_DATA_DIR: dataDir, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  const banner = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      if (out.includes('Ctrl-C')) resolve(out)
    })
    child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}`)))
  })
  const base = /registry:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1] as string
  expect(await (await fetch(`${base}/health`)).json()).toMatchObject({ status: 'ok', storage: 'sqlite' })
  const key = /secret key (sk_live_\S+)/.exec(banner)?.[1]
  const session = await fetch(`${base}/v1/join-sessions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"platform_user_id":"d"}' })
  expect(session.status).toBe(201)
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  child.kill('SIGTERM')
  expect(await exited).toBe(0)
  rmSync(dataDir, { recursive: true, force: true })
}, 60_000)
