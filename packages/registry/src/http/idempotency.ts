/** Idempotency keys: the same key with the same request replays the first answer; with another, 409. */
import { createHash } from 'node:crypto'
import type { RegistryContext } from '../domain/context'
import { iso } from '../domain/context'
import type { Transaction } from 'kysely'
import type { Database, IdempotencyTable } from '../db/schema'
import type { JobHook } from '../db/write-queue'

export function fingerprintOf(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('base64url')
}

export async function replay(ctx: RegistryContext, scope: string, fingerprint: string): Promise<{ status: number; body: string } | 'conflict' | undefined> {
  const row = await ctx.db.selectFrom('idempotency_keys').select(['fingerprint', 'status', 'body']).where('scope', '=', scope).executeTakeFirst()
  if (!row) return undefined
  if (row.fingerprint !== fingerprint) return 'conflict'
  return { status: row.status, body: row.body }
}

// A concurrent twin (same key, same request) may have stored it first: keep the first answer.
// ON CONFLICT rather than catching the error: on PostgreSQL a failed statement aborts the transaction.
function insertRecord(trx: Transaction<Database>, record: IdempotencyTable) {
  return trx.insertInto('idempotency_keys').values(record).onConflict((oc) => oc.column('scope').doNothing()).execute()
}

export async function remember(ctx: RegistryContext, scope: string, fingerprint: string, status: number, body: string): Promise<void> {
  if (status >= 500) return
  await ctx.writer.run((trx) => insertRecord(trx, { scope, fingerprint, status, body, created_at: iso(ctx.now()) }))
}

/** Store the idempotency record inside the write job that produces the response. */
export function idempotencyHook(ctx: RegistryContext, scope: string, fingerprint: string, shape: (value: unknown) => { status: number; body: unknown }): JobHook {
  return {
    done: false,
    async after(trx, value) {
      const { status, body } = shape(value)
      await insertRecord(trx, { scope, fingerprint, status, body: JSON.stringify(body), created_at: iso(ctx.now()) })
    },
  }
}
