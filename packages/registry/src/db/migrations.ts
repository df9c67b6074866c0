/** Versioned migrations, run on start. Written with kysely's schema builder so one set serves both dialects. */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely'
import type { Dialect } from './connect'
import { privacyMigration } from './migration-0008-privacy'
import { membershipMigration } from './migration-0009-membership'
import { notifyMigration } from './migration-0010-notify'

const text = 'text' as const

/** An auto-numbered primary key, spelled for each dialect. */
function serialId(dialect: Dialect): ['integer' | 'serial', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] {
  return dialect === 'sqlite' ? ['integer', (c) => c.primaryKey().autoIncrement()] : ['serial', (c) => c.primaryKey()]
}

const migrations = (dialect: Dialect): Record<string, Migration> => ({
  '0001_initial': {
    async up(db: Kysely<unknown>) {
      await db.schema.createTable('platforms').addColumn('id', text, (c) => c.primaryKey()).addColumn('name', text, (c) => c.notNull())
        .addColumn('secret_key_hash', text, (c) => c.notNull().unique()).addColumn('webhook_url', text).addColumn('webhook_secret_enc', text)
        .addColumn('uscc', text).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('reviewers').addColumn('id', text, (c) => c.primaryKey()).addColumn('name', text, (c) => c.notNull())
        .addColumn('key_hash', text, (c) => c.notNull().unique()).addColumn('org_id', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('orgs').addColumn('id', text, (c) => c.primaryKey()).addColumn('parent_id', text).addColumn('name', text, (c) => c.notNull())
        .addColumn('type', text, (c) => c.notNull()).addColumn('region_code', text, (c) => c.notNull()).addColumn('data', text, (c) => c.notNull()).execute()
      await db.schema.createTable('sessions').addColumn('id', text, (c) => c.primaryKey()).addColumn('platform_id', text, (c) => c.notNull())
        .addColumn('platform_user_id', text, (c) => c.notNull()).addColumn('status', text, (c) => c.notNull()).addColumn('open_key', text, (c) => c.unique())
        .addColumn('token_hash', text, (c) => c.notNull().unique()).addColumn('token_enc', text, (c) => c.notNull()).addColumn('token_expires_at', text, (c) => c.notNull()).addColumn('locale', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull()).addColumn('application_id', text).addColumn('pending_transfer_enc', text).execute()
      await db.schema.createTable('applications').addColumn('id', text, (c) => c.primaryKey()).addColumn('session_id', text, (c) => c.notNull())
        .addColumn('platform_id', text, (c) => c.notNull()).addColumn('person_key', text, (c) => c.notNull()).addColumn('open_key', text, (c) => c.unique())
        .addColumn('status', text, (c) => c.notNull()).addColumn('org_id', text).addColumn('org_name', text).addColumn('tier', text)
        .addColumn('config_version', text, (c) => c.notNull()).addColumn('status_reason', text).addColumn('member_card', text)
        .addColumn('applicant_enc', text, (c) => c.notNull()).addColumn('name_masked', text, (c) => c.notNull()).addColumn('id_masked', text, (c) => c.notNull())
        .addColumn('mobile_masked', text, (c) => c.notNull()).addColumn('base_county', text, (c) => c.notNull()).addColumn('base_township', text)
        .addColumn('consents', text, (c) => c.notNull()).addColumn('volunteer', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('submitted_at', text, (c) => c.notNull()).addColumn('updated_at', text, (c) => c.notNull()).addColumn('decided_at', text).execute()
      await db.schema.createIndex('applications_platform').on('applications').columns(['platform_id', 'submitted_at']).execute()
      await db.schema.createIndex('applications_org').on('applications').columns(['org_id', 'status']).execute()
      await db.schema.createTable('members').addColumn('person_key', text, (c) => c.primaryKey()).addColumn('org_id', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull()).addColumn('join_date', text, (c) => c.notNull()).addColumn('card_number', text, (c) => c.notNull().unique())
        .addColumn('application_id', text, (c) => c.notNull()).addColumn('updated_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('transfers').addColumn('id', text, (c) => c.primaryKey()).addColumn('session_id', text, (c) => c.notNull())
        .addColumn('person_key', text, (c) => c.notNull()).addColumn('from_org_id', text, (c) => c.notNull()).addColumn('to_org_id', text, (c) => c.notNull())
        .addColumn('reason', text, (c) => c.notNull()).addColumn('status', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull()).addColumn('expires_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('review_actions').addColumn('id', text, (c) => c.primaryKey()).addColumn('subject_id', text, (c) => c.notNull())
        .addColumn('reviewer_id', text, (c) => c.notNull()).addColumn('action', text, (c) => c.notNull()).addColumn('reason', text).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('idempotency_keys').addColumn('scope', text, (c) => c.primaryKey()).addColumn('fingerprint', text, (c) => c.notNull())
        .addColumn('status', 'integer', (c) => c.notNull()).addColumn('body', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('events').addColumn('id', text, (c) => c.primaryKey()).addColumn('type', text, (c) => c.notNull())
        .addColumn('platform_id', text, (c) => c.notNull()).addColumn('payload', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('deliveries').addColumn('id', ...serialId(dialect))
        .addColumn('event_id', text, (c) => c.notNull()).addColumn('platform_id', text, (c) => c.notNull()).addColumn('status', text, (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('next_attempt_at', text, (c) => c.notNull())
        .addColumn('last_status', 'integer').addColumn('last_error', text).addColumn('updated_at', text, (c) => c.notNull()).execute()
      await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute()
      await db.schema.createTable('audit_log').addColumn('id', ...serialId(dialect))
        .addColumn('actor', text, (c) => c.notNull()).addColumn('action', text, (c) => c.notNull()).addColumn('subject', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull()).execute()
      await sql`select 1`.execute(db)
    },
  },
  '0002_settings': {
    async up(db: Kysely<unknown>) {
      // Small shared facts, e.g. the directory version every registry process watches.
      await db.schema.createTable('settings').addColumn('key', text, (c) => c.primaryKey()).addColumn('value', text, (c) => c.notNull()).execute()
    },
  },
  '0003_console': {
    async up(db: Kysely<unknown>) {
      // Console sign-in, the member-services catalogue, data-sharing partners, funnel and volunteers.
      await db.schema.alterTable('reviewers').addColumn('login', text).execute()
      await db.schema.alterTable('reviewers').addColumn('password_hash', text).execute()
      await db.schema.alterTable('reviewers').addColumn('role', text, (c) => c.notNull().defaultTo('reviewer')).execute()
      await db.schema.createIndex('reviewers_login').on('reviewers').column('login').unique().execute()
      await db.schema.createTable('reviewer_sessions').addColumn('token_hash', text, (c) => c.primaryKey()).addColumn('reviewer_id', text, (c) => c.notNull())
        .addColumn('expires_at', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('services').addColumn('id', text, (c) => c.primaryKey()).addColumn('kind', text, (c) => c.notNull())
        .addColumn('name', text, (c) => c.notNull()).addColumn('summary', text, (c) => c.notNull()).addColumn('provider_org_id', text, (c) => c.notNull())
        .addColumn('region_prefixes', text, (c) => c.notNull()).addColumn('members_only', 'integer', (c) => c.notNull()).addColumn('url', text)
        .addColumn('location', text).addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', text, (c) => c.notNull()).addColumn('updated_at', text, (c) => c.notNull()).execute()
      await db.schema.createTable('partners').addColumn('id', text, (c) => c.primaryKey()).addColumn('name', text, (c) => c.notNull())
        .addColumn('kind', text, (c) => c.notNull()).addColumn('key_hash', text, (c) => c.notNull().unique()).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.alterTable('sessions').addColumn('matched_at', text).execute()
      await db.schema.alterTable('applications').addColumn('volunteer_roles', text).execute()
    },
  },
  '0004_key_rotation': {
    async up(db: Kysely<unknown>) {
      // Rolling keys with an overlap, and disabling a platform or partner.
      await db.schema.createTable('retired_secrets').addColumn('id', ...serialId(dialect)).addColumn('kind', text, (c) => c.notNull())
        .addColumn('owner_id', text, (c) => c.notNull()).addColumn('secret_hash', text).addColumn('secret_enc', text)
        .addColumn('expires_at', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull()).execute()
      await db.schema.createIndex('retired_secrets_hash').on('retired_secrets').column('secret_hash').unique().execute()
      await db.schema.createIndex('retired_secrets_owner').on('retired_secrets').columns(['owner_id', 'kind']).execute()
      await db.schema.alterTable('platforms').addColumn('revoked_at', text).execute()
      await db.schema.alterTable('partners').addColumn('revoked_at', text).execute()
    },
  },
  '0005_shared_state': {
    async up(db: Kysely<unknown>) {
      // Rate limits every process shares (PostgreSQL; SQLite keeps them in limits.sqlite, see http/rate-limit.ts):
      // unlogged, so spending a token writes no WAL and waits for no fsync; lost on a crash, which a limit may be.
      if (dialect === 'postgres') await sql`create unlogged table rate_limits (key text primary key, tokens float8 not null, at int8 not null, ok boolean not null)`.execute(db)
      // Statistics scoped to a reviewer's organisations read only this covering index, never the wide
      // rows: one range per organisation of the subtree, already in the order they are grouped by.
      await db.schema.createIndex('applications_stats').on('applications').columns(['org_id', 'status', 'tier', 'platform_id', 'base_county', 'submitted_at', 'volunteer', 'decided_at']).execute()
      // Applications per China day (a range of this index each), and exports oldest first.
      await db.schema.createIndex('applications_submitted').on('applications').columns(['submitted_at', 'org_id', 'base_county']).execute()
      await db.schema.createIndex('sessions_created').on('sessions').columns(['created_at', 'matched_at']).execute()
      await db.schema.createIndex('orgs_parent').on('orgs').column('parent_id').execute()
      await db.schema.createIndex('members_org').on('members').columns(['status', 'org_id']).execute()
      await db.schema.createIndex('transfers_due').on('transfers').columns(['status', 'expires_at']).execute()
    },
  },
  '0007_hosted_join': {
    async up(db: Kysely<unknown>) {
      // The hosted join page (issue #14): a platform's registered web origins and return URLs (JSON arrays),
      // and the return URL a session was created with.
      await db.schema.alterTable('platforms').addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]')).execute()
      await db.schema.alterTable('platforms').addColumn('return_urls', 'text', (c) => c.notNull().defaultTo('[]')).execute()
      await db.schema.alterTable('sessions').addColumn('return_url', 'text').execute()
    },
  },
  '0008_privacy': {
    async up(db: Kysely<unknown>) {
      await privacyMigration(db, dialect) // issue #13: consent texts, charter, flags, evidence, prefill, partners' regions
    },
  },
  '0009_membership': {
    async up(db: Kysely<unknown>) {
      await membershipMigration(db, dialect)
    },
  },
  '0010_notify': {
    async up(db: Kysely<unknown>) {
      await notifyMigration(db) // the SMS outbox (issue #16)
    },
  },
  '0011_transfer_home': {
    async up(db: Kysely<unknown>) {
      // The home region a member's move asks for, kept with the transfer: the member's own changes
      // only when the transfer completes (a refused move leaves it as it was).
      await db.schema.alterTable('transfers').addColumn('home_county', 'text').execute()
      await db.schema.alterTable('transfers').addColumn('home_township', 'text').execute()
    },
  },
})

class InCodeProvider implements MigrationProvider {
  constructor(private readonly dialect: Dialect) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    return migrations(this.dialect)
  }
}

/** Apply migrations up to and including `name` only (a database as an older registry left it: for migration tests). */
export async function migrateTo(db: Kysely<unknown>, dialect: Dialect, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: new InCodeProvider(dialect) }).migrateTo(name)
  if (error) throw new Error(`migration to ${name} failed: ${String(error)}`)
}

/** Apply pending migrations; returns the names applied. Throws with the failing migration named. */
export async function migrate(db: Kysely<unknown>, dialect: Dialect): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new InCodeProvider(dialect) })
  const { error, results } = await migrator.migrateToLatest()
  if (error) throw new Error(`migration failed: ${(results ?? []).filter((r) => r.status === 'Error').map((r) => r.migrationName).join(', ')}: ${String(error)}`)
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}
