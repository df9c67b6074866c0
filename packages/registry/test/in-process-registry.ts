// A registry inside the test process (real SQLite file or real PostgreSQL, real HTTP on a loopback
// port), for tests that must call domain functions at a chosen moment or set the registry's clock.
// Set-up commands (seed, platform, reviewer) run through the CLI as an operator would.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type Registry, configFrom, createRegistry, generateKeyEnv } from '@ruhui/registry'
import { createLogger } from '../src/logging'
import type { RegistryContext } from '../src/domain/context'
import { contextOf } from '../src/registry'

const BIN = join(import.meta.dirname, '../bin/ruhui-registry.mjs')

export interface InProcessRegistry {
  registry: Registry
  /** The registry's inner context (not part of the package's API), for calling domain functions. */
  ctx: RegistryContext
  baseUrl: string
  cli(args: string[]): Record<string, string>
  close(): Promise<void>
}

export async function startInProcess(databaseUrl: string | undefined, extraEnv: NodeJS.ProcessEnv = {}): Promise<InProcessRegistry> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-inproc-'))
  // Webhook receivers in tests listen on 127.0.0.1, a private address a real registry refuses.
  process.env.RUHUI_ALLOW_PRIVATE_WEBHOOKS = '1'
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl, ...generateKeyEnv() } : {}), ...extraEnv }
  const cli = (args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, ...args, '--data-dir', dataDir], { env, encoding: 'utf8' })
    if (r.status !== 0) throw new Error(`ruhui-registry ${args.join(' ')} failed: ${r.stderr}`)
    return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Record<string, string>
  }
  cli(['seed'])
  const registry = await createRegistry(configFrom(env, { dataDir, port: 0 }), { worker: false, env, log: createLogger('warn') })
  const server = await registry.listen()
  return {
    registry,
    ctx: contextOf(registry),
    baseUrl: `http://127.0.0.1:${server.port}`,
    cli,
    async close() {
      await server.close()
      await registry.close()
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
