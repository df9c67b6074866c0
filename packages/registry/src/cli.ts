/**
 * ruhui-registry: start | migrate | seed [file] | platform create|set-webhook | reviewer create | partner create | export | backup | restore
 * Flags: --port (8787), --data-dir (./data); DATABASE_URL selects PostgreSQL.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { parseArgs } from 'node:util'
import { ConfigValueError, configFrom } from './config'
import { MatchingConfigError } from './matching-config'
import { ConsentTextsError } from './consent-texts-config'
import { encryptField } from './crypto/field-cipher'
import { hashSecret, newId, newSecret } from './crypto/hashing'
import { loadKeys } from './crypto/keys'
import { backupSqlite, restoreSqlite } from './db/backup'
import { openStorage } from './db/connect'
import { migrate } from './db/migrations'
import { seedDirectory } from './domain/directory'
import { hashPassword, newPassword } from './domain/reviewer-accounts'
import { seedSampleServices } from './domain/services'
import { createLogger } from './logging'
import { checkWebhookTarget } from './domain/webhook-target'
import { webRegistrations } from './domain/platform-web-cli'
import { contextOf, createRegistry } from './registry'

const require = createRequire(import.meta.url)

const USAGE = `ruhui-registry <command> [options]

  start [--port 8787] [--data-dir ./data] [--seed-sample-if-empty] [--app-dir DIR (a driver app's h5 build, served at /)]
        [--matching-config FILE (per-province matching rules, JSON; or RUHUI_MATCHING_CONFIG)]
        [--consent-texts FILE (newer versions of the consent texts / charter declaration, JSON; or RUHUI_CONSENT_TEXTS;
         superseded versions stay accepted for RUHUI_CONSENT_GRACE_DAYS, default 30)]
  migrate
  seed [directory.json]              (default: the SAMPLE pilot directory, @ruhui/sample-directory)
  platform create --name <name> [--id <platform id>] [--webhook-url <url>] [--uscc <credit code>]
                  [--allowed-origin <origin>]... [--return-url <url>]...   (the hosted join page, CORS; repeatable)
  platform update --id <platform id> [--allowed-origin <origin>]... [--return-url <url>]...   (replaces the lists given)
  platform set-webhook --id <platform id> --webhook-url <url>
  reviewer create --org <org id> --name <name> [--login <login> [--password <pw>]] [--role reviewer|admin|registry_admin]
  partner create --name <name> --region-prefix <code>... [--kind transport_department|industry_association]   (the regions it may receive; repeatable)
  export [--out file.json]
  backup --out <file>                (SQLite, online: the registry may keep running; keys.json is not included)
  restore --from <file>              (SQLite: stop the registry first; the file is checked before it replaces the database)

DATABASE_URL=postgres://… selects PostgreSQL; otherwise SQLite in --data-dir.`

function print(obj: unknown) {
  process.stdout.write(`${JSON.stringify(obj)}\n`)
}

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      'data-dir': { type: 'string' },
      'app-dir': { type: 'string' },
      'matching-config': { type: 'string' },
      'consent-texts': { type: 'string' },
      'region-prefix': { type: 'string', multiple: true },
      name: { type: 'string' },
      id: { type: 'string' },
      org: { type: 'string' },
      'webhook-url': { type: 'string' },
      uscc: { type: 'string' },
      'allowed-origin': { type: 'string', multiple: true },
      'return-url': { type: 'string', multiple: true },
      out: { type: 'string' },
      from: { type: 'string' },
      'seed-sample-if-empty': { type: 'boolean' },
      login: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      kind: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  const [command, sub] = positionals
  if (values.help || !command) {
    console.log(USAGE)
    return command ? 0 : 2
  }
  if (values.port !== undefined && !/^\d+$/.test(values.port)) {
    process.stderr.write(`--port should be a whole number, got ${JSON.stringify(values.port.slice(0, 100))}\n`)
    return 2
  }
  let config: ReturnType<typeof configFrom>
  try {
    config = configFrom(process.env, { ...(values.port ? { port: Number(values.port) } : {}), ...(values['data-dir'] ? { dataDir: values['data-dir'] } : {}), ...(values['app-dir'] ? { appDir: values['app-dir'] } : {}), ...(values['matching-config'] ? { matchingConfig: values['matching-config'] } : {}), ...(values['consent-texts'] ? { consentTexts: values['consent-texts'] } : {}) })
  } catch (e) {
    if (!(e instanceof MatchingConfigError) && !(e instanceof ConsentTextsError) && !(e instanceof ConfigValueError)) throw e
    process.stderr.write(`${e.message}\n`)
    return 2
  }
  const storage = () => openStorage(config.databaseUrl ? { databaseUrl: config.databaseUrl, dataDir: config.dataDir } : { dataDir: config.dataDir })

  if (command === 'start') {
    if (values['seed-sample-if-empty']) {
      const s = storage()
      await migrate(s.db as never, s.dialect)
      const n = await s.db.selectFrom('orgs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst()
      if (Number(n?.n ?? 0) === 0) await seedDirectory(s.db, require('@ruhui/sample-directory'))
      await seedSampleServices(s.db)
      await s.close()
    }
    const registry = await createRegistry(config)
    const server = await registry.listen()
    let stopping = false
    const stop = async () => {
      if (stopping) return // Ctrl-C reaches the whole process group, and a supervisor may add a SIGTERM
      stopping = true
      contextOf(registry).log.warn({ writes: contextOf(registry).writer.stats }, 'stopping')
      await server.close()
      await registry.close()
      contextOf(registry).log.flush() // logs are written asynchronously
      process.exit(0)
    }
    process.on('SIGTERM', () => void stop())
    process.on('SIGINT', () => void stop())
    return -1 // keep running
  }

  if (command === 'backup' || command === 'restore') {
    if (config.databaseUrl) throw new Error(`${command} is for SQLite; on PostgreSQL use pg_basebackup and WAL archiving (docs/deploy.md)`)
    if (command === 'backup') {
      if (!values.out) throw new Error('--out is required')
      print({ ...(await backupSqlite(config.dataDir, values.out)), keys: 'not included: keep keys.json (or RUHUI_DATA_KEYS…) separately, it decrypts the data' })
    } else {
      if (!values.from) throw new Error('--from is required')
      print(restoreSqlite(config.dataDir, values.from))
    }
    return 0
  }

  const s = storage()
  try {
    await migrate(s.db as never, s.dialect)
    if (command === 'migrate') {
      print({ migrated: true, storage: s.describe })
    } else if (command === 'seed') {
      const input = sub ? JSON.parse(readFileSync(sub, 'utf8')) : require('@ruhui/sample-directory')
      const count = await seedDirectory(s.db, input)
      const services = sub ? 0 : await seedSampleServices(s.db)
      print({ seeded: count, sample: input.sample === true, services })
    } else if (command === 'platform' && sub === 'create') {
      if (!values.name) throw new Error('--name is required')
      const refused = values['webhook-url'] === undefined ? null : await checkWebhookTarget(values['webhook-url'])
      if (refused) throw new Error(`--webhook-url refused: ${refused} (RUHUI_ALLOW_PRIVATE_WEBHOOKS=1 allows loopback and private addresses, for demos and tests)`)
      const keys = loadKeys(process.env, config.dataDir, s.dialect === 'sqlite')
      const secretKey = newSecret('sk_live')
      const webhookSecret = newSecret('whsec')
      const id = values.id ?? newId('plat')
      const web = webRegistrations(values['allowed-origin'], values['return-url'])
      await s.db
        .insertInto('platforms')
        .values({ id, name: values.name, secret_key_hash: hashSecret(secretKey), webhook_url: values['webhook-url'] ?? null, webhook_secret_enc: encryptField(keys, webhookSecret, 'webhook_secret'), uscc: values.uscc ?? null, created_at: new Date().toISOString(), ...web.columns })
        .execute()
      console.error('The secret key and webhook secret are shown once; the registry stores only a hash of the key.')
      print({ platform_id: id, secret_key: secretKey, webhook_secret: webhookSecret, ...web.shown })
    } else if (command === 'platform' && sub === 'update') {
      if (!values.id) throw new Error('--id is required')
      const web = webRegistrations(values['allowed-origin'], values['return-url'])
      if (!Object.keys(web.columns).length) throw new Error('nothing to update: give --allowed-origin and/or --return-url')
      const updated = await s.db.updateTable('platforms').set(web.columns).where('id', '=', values.id).executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`no platform ${values.id}`)
      print({ platform_id: values.id, ...web.shown })
    } else if (command === 'platform' && sub === 'set-webhook') {
      if (!values.id || !values['webhook-url']) throw new Error('--id and --webhook-url are required')
      const refused = await checkWebhookTarget(values['webhook-url'])
      if (refused) throw new Error(`--webhook-url refused: ${refused} (RUHUI_ALLOW_PRIVATE_WEBHOOKS=1 allows loopback and private addresses, for demos and tests)`)
      const updated = await s.db.updateTable('platforms').set({ webhook_url: values['webhook-url'] }).where('id', '=', values.id).executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1) throw new Error(`no platform ${values.id}`)
      print({ platform_id: values.id, webhook_url: values['webhook-url'] })
    } else if (command === 'reviewer' && sub === 'create') {
      if (!values.org || !values.name) throw new Error('--org and --name are required')
      const org = await s.db.selectFrom('orgs').select(['id']).where('id', '=', values.org).executeTakeFirst()
      if (!org) throw new Error(`no organisation ${values.org} in the directory (run seed first)`)
      const role = values.role ?? 'reviewer'
      if (role !== 'reviewer' && role !== 'admin' && role !== 'registry_admin') throw new Error('--role is reviewer, admin (of the organisation and its subtree) or registry_admin (registry-wide: platforms, partners, the whole audit log)')
      const key = newSecret('rk_live')
      const id = newId('rev')
      // A console account when --login is given; the password is generated unless --password says it.
      const password = values.login ? (values.password ?? newPassword()) : undefined
      await s.db
        .insertInto('reviewers')
        .values({ id, name: values.name, key_hash: hashSecret(key), org_id: values.org, created_at: new Date().toISOString(), login: values.login ?? null, password_hash: password ? hashPassword(password) : null, role })
        .execute()
      console.error('The reviewer key (and password) are shown once.')
      print({ reviewer_id: id, org_id: values.org, role, key, ...(values.login ? { login: values.login, password } : {}) })
    } else if (command === 'partner' && sub === 'create') {
      if (!values.name) throw new Error('--name is required')
      const kind = values.kind ?? 'transport_department'
      if (kind !== 'transport_department' && kind !== 'industry_association') throw new Error('--kind is transport_department or industry_association')
      const regions = values['region-prefix'] ?? []
      if (regions.length === 0 || regions.some((r) => !/^\d{2}(?:\d{2}){0,2}$/.test(r))) throw new Error('--region-prefix is required (repeatable): a province (32), prefecture (3201) or county (320115) code the partner may receive')
      const key = newSecret('pk_live')
      const id = newId('ptn')
      await s.db.insertInto('partners').values({ id, name: values.name, kind, key_hash: hashSecret(key), created_at: new Date().toISOString(), region_prefixes: JSON.stringify(regions) }).execute()
      console.error('The partner key is shown once.')
      print({ partner_id: id, kind, key, region_prefixes: regions })
    } else if (command === 'export') {
      const applications = await s.db.selectFrom('applications').select(['id', 'status', 'org_id', 'org_name', 'tier', 'platform_id', 'name_masked', 'id_masked', 'mobile_masked', 'base_county', 'submitted_at', 'decided_at']).orderBy('submitted_at').execute()
      const members = await s.db.selectFrom('members').select(['org_id', 'status', 'join_date', 'card_number']).execute()
      const out = JSON.stringify({ exported_at: new Date().toISOString(), masked: true, applications, members }, null, 2)
      if (values.out) writeFileSync(values.out, out)
      else process.stdout.write(`${out}\n`)
    } else {
      console.error(USAGE)
      return 2
    }
    return 0
  } finally {
    await s.close()
  }
}

export function run(): void {
  // Whatever the registry creates (database files, keys.json, limits.sqlite, backups) is its owner's alone (issue #19).
  process.umask(0o077)
  main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exit(code)
    },
    (e) => {
      createLogger().error({ err: { name: (e as Error).name, message: (e as Error).message } }, 'command failed')
      console.error(`ruhui-registry: ${(e as Error).message}`)
      process.exit(1)
    },
  )
}
