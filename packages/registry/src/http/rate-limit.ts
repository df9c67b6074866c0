/**
 * Rate limits every registry process shares: a token bucket per key (a credential, a sign-in
 * login …) of `perSecond` tokens a second and a burst of twice that, held in storage rather than
 * in the process, so three processes behind one proxy allow N a second in all, not 3N.
 *
 *   const wait = await limiter.take(`sign-in:${login}`, 2)
 *   if (wait !== undefined) return 429 with `Retry-After: ${wait}`
 *
 * `take` answers undefined when the call may go ahead (and spends a token), otherwise the whole
 * seconds to wait (at least 1). One statement per call, atomic in the database:
 * - PostgreSQL: an UNLOGGED table `rate_limits` (migration 0005): an upsert that refills and
 *   spends in one row lock; unlogged, so it writes no WAL and its commit waits for no fsync.
 * - SQLite: a small second file `limits.sqlite` beside `registry.sqlite` in the data directory,
 *   shared by every process using that directory, with synchronous=OFF (a limit need not survive
 *   a power cut). Not the main file: a write there would queue behind the group commit's open
 *   transaction (and its fsync) on every request.
 * Rows of buckets idle for a minute (full again) are swept now and then.
 */
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { sql } from 'kysely'
import type { RegistryContext } from '../domain/context'

const SWEEP_EVERY = 5000
const IDLE_MS = 60_000

type LimiterContext = Pick<RegistryContext, 'db' | 'dialect' | 'now'> & { config: { dataDir: string } }

const SQLITE_TAKE = `insert into rate_limits (key, tokens, at, ok) values (@key, @burst - 1, @now, 1)
  on conflict (key) do update set
    tokens = case when min(@burst, tokens + max(0, @now - at) / 1000.0 * @rate) >= 1 then min(@burst, tokens + max(0, @now - at) / 1000.0 * @rate) - 1 else min(@burst, tokens + max(0, @now - at) / 1000.0 * @rate) end,
    ok = min(@burst, tokens + max(0, @now - at) / 1000.0 * @rate) >= 1,
    at = max(at, @now)
  returning tokens, ok`

/** The process's handle on the shared buckets (one per registry). */
export class RateLimiter {
  private file: BetterSqlite3.Database | undefined
  private takeStmt: BetterSqlite3.Statement | undefined
  private calls = 0

  constructor(private readonly ctx: LimiterContext) {}

  /** Undefined when allowed (a token is spent); otherwise the seconds to wait, at least 1. */
  async take(key: string, perSecond: number): Promise<number | undefined> {
    const now = Math.floor(this.ctx.now())
    const burst = perSecond * 2
    const sweep = ++this.calls % SWEEP_EVERY === 0
    let row: { tokens: number; ok: boolean | number }
    if (this.ctx.dialect === 'sqlite') {
      const stmt = this.sqliteTake()
      row = stmt.get({ key, burst, now, rate: perSecond }) as typeof row
      if (sweep) this.open().prepare('delete from rate_limits where at < ?').run(now - IDLE_MS)
    } else {
      const bucket = sql`least(${burst}::float8, r.tokens + greatest(0, ${now}::int8 - r.at) / 1000.0 * ${perSecond}::float8)`
      const res = await sql<typeof row>`insert into rate_limits as r (key, tokens, at, ok) values (${key}, ${burst - 1}::float8, ${now}::int8, true)
        on conflict (key) do update set tokens = case when ${bucket} >= 1 then ${bucket} - 1 else ${bucket} end, ok = ${bucket} >= 1, at = greatest(r.at, ${now}::int8)
        returning tokens, ok`.execute(this.ctx.db)
      row = res.rows[0] as typeof row
      if (sweep) await sql`delete from rate_limits where at < ${now - IDLE_MS}::int8`.execute(this.ctx.db)
    }
    if (row.ok === true || row.ok === 1) return undefined
    return Math.max(1, Math.ceil((1 - row.tokens) / perSecond))
  }

  /** Close the SQLite limits file (PostgreSQL's table lives with the registry's pool). */
  close(): void {
    this.file?.close()
    this.file = undefined
    this.takeStmt = undefined
  }

  private open(): BetterSqlite3.Database {
    if (!this.file) {
      const file = new BetterSqlite3(join(this.ctx.config.dataDir, 'limits.sqlite'))
      file.pragma('journal_mode = WAL')
      file.pragma('synchronous = OFF')
      file.pragma('busy_timeout = 2000') // other processes hold the lock for one statement, microseconds
      file.exec('create table if not exists rate_limits (key text primary key, tokens real not null, at integer not null, ok integer not null)')
      this.file = file
    }
    return this.file
  }

  private sqliteTake(): BetterSqlite3.Statement {
    this.takeStmt ??= this.open().prepare(SQLITE_TAKE)
    return this.takeStmt
  }
}
