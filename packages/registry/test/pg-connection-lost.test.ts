// PostgreSQL going away while a connection is checked out between two queries (a transaction waiting
// on its next step, a worker's lease) fails that work, not the process: pg emits 'error' on the client
// itself, and with no listener Node ends the registry (seen once in CI as a registry gone mid-test).
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { openStorage } from '../src/db/connect'
import { createDatabase, startPgCluster } from './pg-cluster.mjs'

it('a connection lost mid-transaction fails that transaction; the process carries on', async () => {
  const cluster = await startPgCluster()
  const dataDir = mkdtempSync(join(tmpdir(), 'ruhui-lost-'))
  const storage = openStorage({ databaseUrl: createDatabase(cluster.url, `ruhui_lost_${process.pid}`), dataDir })
  try {
    const work = storage.db.transaction().execute(async (trx) => {
      await sql`select 1`.execute(trx)
      cluster.stop() // the server goes away while this transaction holds its connection between queries
      await new Promise((resolve) => setTimeout(resolve, 500))
      await sql`select 1`.execute(trx)
    })
    await expect(work).rejects.toThrow()
    expect(process.exitCode ?? 0).toBe(0)
  } finally {
    await storage.close().catch(() => undefined)
    rmSync(dataDir, { recursive: true, force: true })
  }
}, 60_000)
