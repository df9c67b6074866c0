/**
 * Migration 0010 (issue #16, the staff side and notifications): the SMS outbox, the mobile in it
 * encrypted, the person by their keyed hash (one person's messages go in order); the worker reads
 * due rows by (status, next_attempt_at).
 */
import type { Kysely } from 'kysely'

const text = 'text' as const

export async function notifyMigration(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('sms_messages').addColumn('id', text, (c) => c.primaryKey()).addColumn('subject_id', text, (c) => c.notNull()).addColumn('person_key', text, (c) => c.notNull())
    .addColumn('template', text, (c) => c.notNull()).addColumn('params', text, (c) => c.notNull()).addColumn('to_enc', text, (c) => c.notNull())
    .addColumn('status', text, (c) => c.notNull()).addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).addColumn('next_attempt_at', text, (c) => c.notNull())
    .addColumn('last_status', 'integer').addColumn('last_error', text).addColumn('created_at', text, (c) => c.notNull()).addColumn('updated_at', text, (c) => c.notNull()).execute()
  await db.schema.createIndex('sms_messages_due').on('sms_messages').columns(['status', 'next_attempt_at']).execute()
}
