// A real registry process, started with the CLI as an operator would, on a free port.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateKeyEnv } from '@ruhui/registry'

const BIN = join(import.meta.dirname, '../bin/ruhui-registry.mjs')

export interface RegistryInstance {
  baseUrl: string
  dataDir: string
  env: NodeJS.ProcessEnv
  child: ChildProcess
  logs: string[]
  cli(args: string[]): Record<string, string>
  stop(signal?: NodeJS.Signals): Promise<number | null>
  restart(): Promise<void>
  cleanup(): void
}

export type DialectSetup = { dialect: 'sqlite' } | { dialect: 'postgres'; databaseUrl: string }

/** `options.seed`: a directory file to seed instead of the sample directory. */
export async function startRegistry(setup: DialectSetup, extraEnv: NodeJS.ProcessEnv = {}, options: { seed?: string } = {}): Promise<RegistryInstance> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-registry-'))
  // The tests' platforms listen on 127.0.0.1: private webhook addresses allowed unless a test says otherwise.
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', RUHUI_WEBHOOK_POLL_MS: '100', RUHUI_WEBHOOK_BASE_DELAY_MS: '200', RUHUI_ALLOW_PRIVATE_WEBHOOKS: '1', ...extraEnv }
  if (setup.dialect === 'postgres') Object.assign(env, { DATABASE_URL: setup.databaseUrl }, generateKeyEnv(), extraEnv) // keys in extraEnv win: processes sharing one database share its keys
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`ruhui-registry ${args.join(' ')} failed: ${r.stderr}`)
    return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, string>
  }
  cli(options.seed ? ['seed', options.seed] : ['seed'])
  const instance: RegistryInstance = { baseUrl: '', dataDir, env, child: undefined as unknown as ChildProcess, logs: [], cli, stop, restart, cleanup }
  async function launch() {
    const child = spawn(process.execPath, [BIN, 'start', '--port', '0', '--data-dir', dataDir], { env: { ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] })
    instance.child = child
    instance.baseUrl = await new Promise<string>((resolve, reject) => {
      let buf = ''
      const onData = (c: Buffer) => {
        buf += c.toString()
        for (const line of buf.split('\n')) {
          if (line.includes('"msg":"listening"')) {
            const port = (JSON.parse(line) as { port: number }).port
            resolve(`http://127.0.0.1:${port}`)
          }
        }
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', (c: Buffer) => instance.logs.push(c.toString()))
      child.on('exit', (code) => reject(new Error(`registry exited (${code}): ${buf.slice(-2000)} ${instance.logs.join('')}`)))
    })
    child.stdout?.on('data', (c: Buffer) => {
      if (instance.logs.length < 5000) instance.logs.push(c.toString())
    })
  }
  function stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    const child = instance.child
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode)
    return new Promise((resolve) => {
      child.once('exit', (code) => resolve(code))
      child.kill(signal)
    })
  }
  async function restart() {
    await stop()
    await launch()
  }
  function cleanup() {
    rmSync(dataDir, { recursive: true, force: true })
  }
  await launch()
  return instance
}
