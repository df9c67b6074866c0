// Run a suite on both dialects: SQLite always, PostgreSQL on a throwaway cluster.
import { afterAll, beforeAll, describe } from 'vitest'
import { type PgCluster, createDatabase, startPgCluster } from './pg-cluster.mjs'
import { type DialectSetup, type RegistryInstance, startRegistry } from './registry-process'

let cluster: PgCluster | undefined
let dbCount = 0

export function eachDialect(name: string, suite: (get: () => RegistryInstance, dialect: 'sqlite' | 'postgres') => void, extraEnv: NodeJS.ProcessEnv = {}): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe(`${name} [${dialect}]`, () => {
      let instance: RegistryInstance
      beforeAll(async () => {
        let setup: DialectSetup = { dialect: 'sqlite' }
        if (dialect === 'postgres') {
          cluster ??= await startPgCluster()
          setup = { dialect, databaseUrl: createDatabase(cluster.url, `ruhui_${process.pid}_${++dbCount}`) }
        }
        instance = await startRegistry(setup, extraEnv)
      })
      afterAll(async () => {
        await instance?.stop()
        instance?.cleanup()
      })
      suite(() => instance, dialect)
    })
  }
  afterAll(() => {
    cluster?.stop()
    cluster = undefined
  })
}
