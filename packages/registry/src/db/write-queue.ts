/**
 * Group commit: writes that arrive together run in one transaction and are acknowledged only
 * after it commits, so one fsync covers many durable writes (SQLite synchronous=FULL, or
 * PostgreSQL). Optimistically the batch runs without savepoints; if any job fails (a unique
 * conflict, a refusal), the batch is rolled back and run again with a savepoint per job, so
 * that job fails alone. Jobs must therefore touch nothing but `trx` (they may run twice).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { type Kysely, type Transaction, sql } from 'kysely'
import type { Database } from './schema'

export type Job<T> = (trx: Transaction<Database>) => Promise<T>

/** Extra work a caller attaches to the next job it runs, in the same transaction (idempotency records). */
export interface JobHook {
  after(trx: Transaction<Database>, value: unknown): Promise<void>
  /** Set once the hook ran inside a committed job. */
  done: boolean
}
export const jobHook = new AsyncLocalStorage<JobHook>()

interface Pending {
  job: Job<unknown>
  hook: JobHook | undefined
  resolve: (v: unknown) => void
  reject: (e: unknown) => void
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown }

export class WriteQueue {
  private queue: Pending[] = []
  /** Batches in flight, and whether one is gathering (waiting for others to join before it starts). */
  private active = 0
  private gathering = false
  /** Batches committed, jobs in them, and batches re-run with savepoints. */
  readonly stats = { batches: 0, jobs: 0, retried: 0 }

  /** Jobs waiting for the next batch (the one running not counted): the /metrics write-queue depth. */
  get depth(): number {
    return this.queue.length
  }

  constructor(
    private readonly db: Kysely<Database>,
    private readonly maxBatch = 128,
    /** How long the first job of a batch waits for others to join it (one fsync serves them all). */
    private readonly gatherMs = Number(process.env.RUHUI_GROUP_COMMIT_MS ?? 4),
    /**
     * Batches in flight at once, each its own transaction on its own connection. SQLite has one
     * writer: 1. PostgreSQL commits concurrent transactions in parallel (and one WAL flush may
     * serve several), so a batch need not wait for the round trips of the one before it.
     */
    private readonly concurrency = 1,
  ) {}

  run<T>(job: Job<T>): Promise<T> {
    const hook = jobHook.getStore()
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job: job as Job<unknown>, hook: hook && !hook.done ? hook : undefined, resolve: resolve as (v: unknown) => void, reject })
      if (!this.gathering && this.active < this.concurrency) {
        this.gathering = true
        // Let the requests that arrive meanwhile join the batch.
        const start = () => {
          this.gathering = false
          void this.drain()
        }
        if (this.gatherMs > 0) setTimeout(start, this.gatherMs)
        else setImmediate(start)
      }
    })
  }

  private async runJob(trx: Transaction<Database>, p: Pending): Promise<unknown> {
    const value = await p.job(trx)
    if (p.hook) await p.hook.after(trx, value)
    return value
  }

  /** Run batches until the queue is empty; what arrives meanwhile goes in the next batch, at once. */
  private async drain(): Promise<void> {
    this.active += 1
    try {
      while (this.queue.length > 0) await this.runBatch(this.queue.splice(0, this.maxBatch))
    } finally {
      this.active -= 1
    }
  }

  private async runBatch(batch: Pending[]): Promise<void> {
    let outcomes: Outcome[] | undefined
    try {
      // Fast path: no savepoints; any failure aborts the attempt (and the transaction).
      const fast: Outcome[] = []
      await this.db.transaction().execute(async (trx) => {
        for (const p of batch) fast.push({ ok: true, value: await this.runJob(trx, p) })
      })
      outcomes = fast
    } catch {
      this.stats.retried += 1
      try {
        outcomes = await this.withSavepoints(batch)
      } catch (error) {
        // The commit itself failed: nothing in this batch is durable.
        for (const p of batch) p.reject(error)
        return
      }
    }
    this.stats.batches += 1
    this.stats.jobs += batch.length
    batch.forEach((p, i) => {
      const o = (outcomes as Outcome[])[i] as Outcome
      if (o.ok) {
        if (p.hook) p.hook.done = true
        p.resolve(o.value)
      } else p.reject(o.error)
    })
  }

  private async withSavepoints(batch: Pending[]): Promise<Outcome[]> {
    const outcomes: Outcome[] = []
    await this.db.transaction().execute(async (trx) => {
      for (const [i, p] of batch.entries()) {
        const sp = sql.raw(`job_${i}`)
        await sql`savepoint ${sp}`.execute(trx)
        try {
          outcomes.push({ ok: true, value: await this.runJob(trx, p) })
          await sql`release savepoint ${sp}`.execute(trx)
        } catch (error) {
          await sql`rollback to savepoint ${sp}`.execute(trx)
          await sql`release savepoint ${sp}`.execute(trx)
          outcomes.push({ ok: false, error })
        }
      }
    })
    return outcomes
  }
}

/** True for a unique-constraint violation on either dialect. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string }
  return err?.code === '23505' || err?.code === 'SQLITE_CONSTRAINT_UNIQUE' || err?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || /UNIQUE constraint failed/.test(err?.message ?? '')
}
