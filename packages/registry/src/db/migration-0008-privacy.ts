/**
 * Migration 0008 (issue #13, what each party sees): the published consent texts and their versions,
 * the charter record and the consents' current state with each application, the reviewer's flags
 * and the identity evidence by source, the platform's prefill with the session, the ID numbers a
 * session has tried, and the regions a data-sharing partner may receive.
 */
import { type Kysely, sql } from 'kysely'
import type { Dialect } from './connect'

const text = 'text' as const

export async function privacyMigration(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  await db.schema.createTable('consent_texts').addColumn('kind', text, (c) => c.notNull()).addColumn('text_version', text, (c) => c.notNull())
    .addColumn('text_hash', text, (c) => c.notNull()).addColumn('title', text, (c) => c.notNull()).addColumn('body', text, (c) => c.notNull())
    .addColumn('published_at', text, (c) => c.notNull()).addColumn('superseded_at', text)
    .addPrimaryKeyConstraint('consent_texts_pk', ['kind', 'text_hash']).execute()
  // The withdrawals of optional consents, with their time (the application's `consents` keeps the grant).
  await db.schema.createTable('consent_withdrawals').addColumn('id', dialect === 'sqlite' ? 'integer' : 'serial', (c) => (dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey()))
    .addColumn('application_id', text, (c) => c.notNull()).addColumn('kind', text, (c) => c.notNull()).addColumn('session_id', text, (c) => c.notNull())
    .addColumn('withdrawn_at', text, (c) => c.notNull()).execute()
  await db.schema.createIndex('consent_withdrawals_application').on('consent_withdrawals').columns(['application_id', 'kind']).unique().execute()
  await db.schema.alterTable('applications').addColumn('charter', text).execute()
  // 1 while the optional consent is granted and not withdrawn: what partners and the platform may receive.
  await db.schema.alterTable('applications').addColumn('shares_with_platform', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema.alterTable('applications').addColumn('shares_with_partners', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // Applications submitted before: the optional consent they carry still stands.
  await sql`update applications set shares_with_partners = 1 where consents like ${'%"share_with_partners"%'}`.execute(db)
  // JSON { possible_duplicate?, prefill_mismatch? } for the reviewer; JSON of the identity evidence by source.
  await db.schema.alterTable('applications').addColumn('review_flags', text).execute()
  await db.schema.alterTable('applications').addColumn('evidence', text).execute()
  // Encrypted JSON of what the platform's backend prefilled (prefill.verified included).
  await db.schema.alterTable('sessions').addColumn('prefill_enc', text).execute()
  // JSON array of the person keys (keyed hashes of ID numbers) submitted in this session: the cap.
  await db.schema.alterTable('sessions').addColumn('tried_keys', text).execute()
  await db.schema.alterTable('partners').addColumn('region_prefixes', text, (c) => c.notNull().defaultTo('[]')).execute()
}
