// The example platform backend (examples/platform-backend/server.mjs) as its own process on a free
// port, for the browser tests that need a real platform between the driver app and the registry.
import { type ChildProcess, spawn } from 'node:child_process'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')

export function startPlatformBackend(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [join(root, 'examples/platform-backend/server.mjs')], { env: { ...process.env, ...env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString()
      const m = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve({ child, url: m[1]! })
    })
    child.stderr.on('data', (c: Buffer) => (out += c.toString()))
    child.on('exit', (code) => reject(new Error(`platform backend exited (${code}): ${out}`)))
  })
}
