// Row counts of every table, read straight from the real database file or server.
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import type { RegistryInstance } from './registry-process'

const TABLES = ['platforms', 'reviewers', 'orgs', 'sessions', 'applications', 'members', 'transfers', 'review_actions', 'idempotency_keys', 'events', 'deliveries', 'audit_log', 'reviewer_sessions', 'services', 'partners', 'retired_secrets', 'person_links', 'member_cards', 'information_requests', 'uploads', 'leave_requests', 'membership_events']

export async function rowCounts(r: RegistryInstance): Promise<Record<string, number>> {
  const out: Record<string, number> = {}
  if (r.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: r.env.DATABASE_URL })
    await client.connect()
    for (const t of TABLES) out[t] = Number((await client.query(`select count(*) as n from ${t}`)).rows[0].n)
    await client.end()
  } else {
    const db = new BetterSqlite3(join(r.dataDir, 'registry.sqlite'), { readonly: true })
    for (const t of TABLES) out[t] = (db.prepare(`select count(*) as n from ${t}`).get() as { n: number }).n
    db.close()
  }
  return out
}

/** One query's rows, straight from the database (for checking what an export or API reports). */
export function queryRows<T = Record<string, unknown>>(r: RegistryInstance, text: string): Promise<T[]> {
  return onDatabase(r, text, false) as Promise<T[]>
}

/** Change rows straight in the database (to stand for time passing, e.g. an overlap running out). */
export async function runSql(r: RegistryInstance, text: string): Promise<void> {
  await onDatabase(r, text, true)
}

async function onDatabase(r: RegistryInstance, text: string, write: boolean): Promise<unknown[]> {
  if (r.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: r.env.DATABASE_URL })
    await client.connect()
    const rows = (await client.query(text)).rows as unknown[]
    await client.end()
    return rows
  }
  const db = new BetterSqlite3(join(r.dataDir, 'registry.sqlite'), { readonly: !write })
  const statement = db.prepare(text)
  const rows = statement.reader ? statement.all() : (statement.run(), [])
  db.close()
  return rows
}
