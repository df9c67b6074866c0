/**
 * Idempotency keys: the same key with the same request replays the first answer; with another, 409.
 * Replies are kept encrypted (a join session's reply holds its join token).
 */
import { createHash } from 'node:crypto'
import type { IdempotencyStore, StoredReply } from '@ruhui/core/server'
import type { RegistryContext } from '../domain/context'
import { iso } from '../domain/context'
import type { Transaction } from 'kysely'
import { decryptField, encryptField } from '../crypto/field-cipher'
import type { Database, IdempotencyTable } from '../db/schema'
import { type JobHook, jobHook } from '../db/write-queue'

const AAD = 'idempotent_reply'

export function fingerprintOf(method: string, path: string, body: string): string {
  return createHash('sha256').update(`${method} ${path}\n${body}`).digest('base64url')
}

export async function replay(ctx: RegistryContext, scope: string, fingerprint: string): Promise<{ status: number; body: string } | 'conflict' | undefined> {
  const row = await ctx.db.selectFrom('idempotency_keys').select(['fingerprint', 'status', 'body']).where('scope', '=', scope).executeTakeFirst()
  if (!row) return undefined
  if (row.fingerprint !== fingerprint) return 'conflict'
  // Replies kept before they were encrypted are JSON as they are.
  return { status: row.status, body: row.body.startsWith('{') ? row.body : decryptField(ctx.keys, row.body, AAD) }
}

// A concurrent twin (same key, same request) may have stored it first: keep the first answer.
// ON CONFLICT rather than catching the error: on PostgreSQL a failed statement aborts the transaction.
function insertRecord(trx: Transaction<Database>, record: IdempotencyTable) {
  return trx.insertInto('idempotency_keys').values(record).onConflict((oc) => oc.column('scope').doNothing()).execute()
}

export async function remember(ctx: RegistryContext, scope: string, fingerprint: string, status: number, body: string): Promise<void> {
  if (status >= 500) return
  await ctx.writer.run((trx) => insertRecord(trx, { scope, fingerprint, status, body: encryptField(ctx.keys, body, AAD), created_at: iso(ctx.now()) }))
}

/** Store the idempotency record inside the write job that produces the response. */
export function idempotencyHook(ctx: RegistryContext, scope: string, fingerprint: string, shape: (value: unknown) => StoredReply): JobHook {
  return {
    done: false,
    async after(trx, value) {
      const { status, body } = shape(value)
      await insertRecord(trx, { scope, fingerprint, status, body: encryptField(ctx.keys, body, AAD), created_at: iso(ctx.now()) })
    },
  }
}

/** The registry's store for the dispatcher: a success is kept inside the handler's own write transaction. */
export function registryIdempotency(ctx: RegistryContext): IdempotencyStore {
  return {
    find: (scope, fingerprint) => replay(ctx, scope, fingerprint),
    save: (scope, fingerprint, r) => remember(ctx, scope, fingerprint, r.status, r.body),
    async run(scope, fingerprint, shape, work) {
      const hook = idempotencyHook(ctx, scope, fingerprint, shape)
      const value = await jobHook.run(hook, work)
      return { value, stored: hook.done }
    },
  }
}
