/** Assemble a registry: storage (migrated), keys, the directory's indexes, the HTTP app, the outbox worker. */
import type { Server } from 'node:http'
import { serve } from '@hono/node-server'
import type { Directory } from '@ruhui/core/matching'
import type { RegistryConfig } from './config'
import { loadKeys } from './crypto/keys'
import { openStorage } from './db/connect'
import { migrate } from './db/migrations'
import { WriteQueue } from './db/write-queue'
import type { RegistryContext } from './domain/context'
import { directoryVersion, loadDirectory } from './domain/directory'
import { deliverDue } from './domain/outbox'
import { publishConsentTexts } from './domain/consent-texts'
import { purgeClosedApplications } from './domain/retention'
import { deliverSmsDue } from './notify/sms-outbox'
import { expireTransfers } from './domain/transfers'
import { purgeStaleUploads } from './domain/uploads'
import { createApp } from './http/app'
import { type Logger, createLogger } from './logging'

export interface Registry {
  app: ReturnType<typeof createApp>
  /** Re-read the directory after a seed. */
  reloadDirectory(): Promise<void>
  listen(): Promise<{ port: number; close(): Promise<void> }>
  close(): Promise<void>
}

const CONTEXTS = new WeakMap<Registry, RegistryContext>()

/** A registry's inner context (storage, keys, clock, logger): for its own CLI and its tests, not part of the package's API. */
export function contextOf(registry: Registry): RegistryContext {
  const ctx = CONTEXTS.get(registry)
  if (!ctx) throw new Error('not a registry made by createRegistry')
  return ctx
}

export async function createRegistry(config: RegistryConfig, options: { log?: Logger; env?: NodeJS.ProcessEnv; worker?: boolean } = {}): Promise<Registry> {
  const log = options.log ?? createLogger()
  const storage = openStorage(config.databaseUrl ? { databaseUrl: config.databaseUrl, dataDir: config.dataDir } : { dataDir: config.dataDir })
  const applied = await migrate(storage.db as never, storage.dialect)
  if (applied.length) log.info({ migrations: applied }, 'migrated')
  const keys = loadKeys(options.env ?? process.env, config.dataDir, storage.dialect === 'sqlite')
  let directory: Directory = await loadDirectory(storage.db)
  let loadedVersion = await directoryVersion(storage.db)
  const ctx: RegistryContext = { db: storage.db, dialect: storage.dialect, writer: new WriteQueue(storage.db, 128, config.groupCommitMs, storage.dialect === 'postgres' ? config.writeConcurrency : 1), keys, config, log, now: () => Date.now(), directory: () => directory }
  ctx.reloadDirectory = async () => {
    loadedVersion = await directoryVersion(storage.db)
    directory = await loadDirectory(storage.db)
  }
  const published = await publishConsentTexts(ctx) // issue #13: the texts drivers agree to, versioned
  if (published.length) log.info({ consent_texts: published }, 'consent texts published')
  const app = createApp(ctx)

  let timer: NodeJS.Timeout | undefined
  let working = false
  const tick = async () => {
    if (working) return
    working = true
    try {
      await deliverDue(ctx)
      await deliverSmsDue(ctx)
      await expireTransfers(ctx)
      await purgeStaleUploads(ctx) // photos no longer needed (issue #16)
      await purgeClosedApplications(ctx) // refused or withdrawn applications' personal data, after RUHUI_PURGE_AFTER_DAYS (issue #13)
      // Another process (or the seed command) may have replaced the directory.
      const version = await directoryVersion(storage.db)
      if (version !== loadedVersion) {
        directory = await loadDirectory(storage.db)
        loadedVersion = version
        log.info({ organisations: directory.orgs.length }, 'directory reloaded')
      }
    } catch (e) {
      log.error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'outbox worker')
    } finally {
      working = false
    }
  }
  if (options.worker !== false) timer = setInterval(() => void tick(), config.webhook.pollMs)

  const registry: Registry = {
    app,
    async reloadDirectory() {
      directory = await loadDirectory(storage.db)
    },
    listen() {
      return new Promise((resolve) => {
        const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
          log.info({ port: info.port, host: config.host, storage: storage.describe, organisations: directory.orgs.length }, 'listening')
          config.publicUrl ??= `http://${config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host}:${info.port}` // hosted_url's base (issue #14)
          log.flush()
          // Always on stdout, whatever the log level: operators and test harnesses wait for it.
          process.stdout.write(`${JSON.stringify({ msg: 'listening', port: info.port, host: config.host, storage: storage.dialect })}\n`)
          resolve({ port: info.port, close: () => closeGracefully(server as Server, config.shutdownGraceMs) })
        })
        ;(server as Server).keepAliveTimeout = 65_000
      })
    },
    async close() {
      if (timer) clearInterval(timer)
      await storage.close()
    },
  }
  CONTEXTS.set(registry, ctx)
  return registry
}

/**
 * Stop accepting, let running requests finish, and do not wait for keep-alive connections:
 * `server.close()` cuts only the connections idle at the moment it is called, so a response that
 * finishes a moment later would keep its connection — and the process — for the whole 65 s
 * keep-alive. Idle connections are swept until the server has closed; after `graceMs` every
 * connection left is cut.
 */
function closeGracefully(server: Server, graceMs: number): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 25)
    const cut = setTimeout(() => server.closeAllConnections(), graceMs)
    server.close(() => {
      clearInterval(sweep)
      clearTimeout(cut)
      resolve()
    })
  })
}
