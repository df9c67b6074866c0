/** One typed query layer, two dialects: embedded SQLite (default) or PostgreSQL (DATABASE_URL). */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'

export type Dialect = 'sqlite' | 'postgres'

export interface Storage {
  db: Kysely<Database>
  dialect: Dialect
  /** Where the data lives, for logs (never the password). */
  describe: string
  close(): Promise<void>
}

export function openStorage(options: { databaseUrl?: string; dataDir: string }): Storage {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 })
    // An idle connection lost (the server restarted or went away) must not end the process: the pool
    // opens a new one for the next query, and /health/ready reports the outage meanwhile.
    pool.on('error', () => undefined)
    // The same for a connection that is checked out but between queries (a transaction awaiting the
    // next step, a background worker's lease): pg emits 'error' on the client itself, which would end
    // the process. The query in flight, or the next one, fails instead and the pool drops the client.
    pool.on('connect', (client) => client.on('error', () => undefined))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    const url = new URL(options.databaseUrl)
    return { db, dialect: 'postgres', describe: `postgres://${url.host}${url.pathname}`, close: () => db.destroy() }
  }
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 })
  const file = join(options.dataDir, 'registry.sqlite')
  ownerOnly(file)
  const sqlite = new BetterSqlite3(file)
  // WAL for concurrent readers; FULL so an acknowledged write survives a crash or power loss.
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('busy_timeout = 5000')
  sqlite.pragma('foreign_keys = ON')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  return { db, dialect: 'sqlite', describe: file, close: () => db.destroy() }
}

/**
 * kysely's SQLite driver prepares every query anew; preparing costs more than running most of
 * ours (bench/registry.mjs profile). Reuse prepared statements, keyed by SQL text, bounded.
 */
function withStatementCache(sqlite: BetterSqlite3.Database, max = 1000) {
  const cache = new Map<string, BetterSqlite3.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql)
      if (stmt === undefined) {
        if (cache.size >= max) cache.clear()
        stmt = sqlite.prepare(sql)
        cache.set(sql, stmt)
      }
      return stmt
    },
  }
}

/**
 * The data file readable by its owner only (issue #19, finding 8): created 0600, and an older
 * file made with the default 0644 tightened on the next start. SQLite gives its -wal and -shm
 * files the database file's permissions.
 */
export function ownerOnly(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600))
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600)
}
