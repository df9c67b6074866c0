/**
 * SQLite backup and restore (`ruhui-registry backup --out FILE`, `restore --from FILE`).
 * Backup uses SQLite's online backup API: it runs while the registry serves, and the copy is one
 * consistent moment (pages written meanwhile are copied again). Restore checks the file first
 * (integrity, a registry's migrations), then replaces the database in one rename, with its WAL and
 * shared-memory files removed so nothing of the old database is replayed onto the restored one;
 * the registry must be stopped meanwhile. The keys (`keys.json`, or RUHUI_DATA_KEYS…) are not in
 * the backup: they decrypt it, so they are kept separately. PostgreSQL: pg_basebackup and WAL
 * archiving (point-in-time recovery), see docs/deploy.md.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'

export const databaseFile = (dataDir: string) => join(dataDir, 'registry.sqlite')

/** Why a file cannot be restored, or null when it is a sound registry database. */
export function checkBackup(file: string): string | null {
  if (!existsSync(file)) return `no file ${file}`
  let db: BetterSqlite3.Database | undefined
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') return `integrity check failed: ${String(integrity)}`
    const migrations = db.prepare("select count(*) as n from sqlite_master where type = 'table' and name = 'kysely_migration'").get() as { n: number }
    if (migrations.n !== 1) return 'not a registry database (no migrations table)'
    return null
  } catch (e) {
    return `not a SQLite database: ${(e as Error).message}`
  } finally {
    db?.close()
  }
}

export async function backupSqlite(dataDir: string, out: string): Promise<{ file: string; bytes: number; pages: number }> {
  const source = databaseFile(dataDir)
  if (!existsSync(source)) throw new Error(`no database at ${source}`)
  if (existsSync(out)) throw new Error(`${out} exists: choose a new file`)
  const db = new BetterSqlite3(source, { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    const progress = await db.backup(out)
    const problem = checkBackup(out)
    if (problem) throw new Error(`the backup does not check out: ${problem}`)
    return { file: out, bytes: statSync(out).size, pages: progress.totalPages }
  } finally {
    db.close()
  }
}

export function restoreSqlite(dataDir: string, from: string): { restored: string; from: string } {
  const problem = checkBackup(from)
  if (problem) throw new Error(`refusing to restore ${from}: ${problem}`)
  const target = databaseFile(dataDir)
  const incoming = `${target}.restoring`
  copyFileSync(from, incoming)
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true })
  renameSync(incoming, target)
  return { restored: target, from }
}
