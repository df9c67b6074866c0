/**
 * Migration 0009 (issue #16): the member's own view and actions, the review loop and cards.
 *
 * - person_links: the member a platform user is (person_key), set when the application that platform
 *   user submitted is approved; a new session of the same platform user then reads the membership
 *   (GET /v1/me/membership).
 * - member_cards: every card issued (the current one has revoked_at null); verify looks a QR payload up by its hash.
 * - information_requests: a reviewer's request for information and the driver's answer.
 * - uploads: photos the driver sent for one application, encrypted; used once by the session that sent them.
 * - leave_requests: 退会 asked by the driver, pending until the union confirms.
 * - membership_events: the member's history (joined, transferred, left …).
 * - members: the member's own mobile and home region once changed (else the approved application's).
 * Existing data carried over: a link for every application's platform user, a card row for every member's current card.
 */
import { createHash } from 'node:crypto'
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely'
import type { Dialect } from './connect'
import type { Database, MemberCardTable } from './schema'

const text = 'text' as const

export async function membershipMigration(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const serial: ['integer' | 'serial', (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder] =
    dialect === 'sqlite' ? ['integer', (c) => c.primaryKey().autoIncrement()] : ['serial', (c) => c.primaryKey()]
  await db.schema.createTable('person_links').addColumn('platform_id', text, (c) => c.notNull()).addColumn('platform_user_id', text, (c) => c.notNull())
    .addColumn('person_key', text, (c) => c.notNull()).addColumn('linked_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('person_links_pk', ['platform_id', 'platform_user_id']).execute()
  await db.schema.createIndex('person_links_person').on('person_links').column('person_key').execute()

  await db.schema.createTable('member_cards').addColumn('id', text, (c) => c.primaryKey()).addColumn('person_key', text, (c) => c.notNull())
    .addColumn('card_number', text, (c) => c.notNull()).addColumn('org_id', text, (c) => c.notNull()).addColumn('qr_payload', text, (c) => c.notNull())
    .addColumn('payload_hash', text, (c) => c.notNull().unique()).addColumn('issued_at', text, (c) => c.notNull())
    .addColumn('revoked_at', text).addColumn('revoke_reason', text).execute()
  await db.schema.createIndex('member_cards_person').on('member_cards').columns(['person_key', 'issued_at']).execute()

  await db.schema.createTable('information_requests').addColumn('id', text, (c) => c.primaryKey()).addColumn('application_id', text, (c) => c.notNull())
    .addColumn('reviewer_id', text, (c) => c.notNull()).addColumn('fields', text, (c) => c.notNull()).addColumn('documents', text, (c) => c.notNull())
    .addColumn('message', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull())
    .addColumn('answered_at', text).addColumn('answer_enc', text).addColumn('upload_ids', text).execute()
  await db.schema.createIndex('information_requests_app').on('information_requests').columns(['application_id', 'created_at']).execute()

  await db.schema.createTable('uploads').addColumn('id', text, (c) => c.primaryKey()).addColumn('session_id', text, (c) => c.notNull())
    .addColumn('application_id', text, (c) => c.notNull()).addColumn('purpose', text, (c) => c.notNull()).addColumn('content_type', text, (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull()).addColumn('data_enc', text, (c) => c.notNull()).addColumn('created_at', text, (c) => c.notNull())
    .addColumn('request_id', text).execute()
  await db.schema.createIndex('uploads_app').on('uploads').column('application_id').execute()

  await db.schema.createTable('leave_requests').addColumn('id', text, (c) => c.primaryKey()).addColumn('person_key', text, (c) => c.notNull())
    .addColumn('org_id', text, (c) => c.notNull()).addColumn('session_id', text, (c) => c.notNull()).addColumn('reason', text, (c) => c.notNull())
    .addColumn('note_enc', text).addColumn('status', text, (c) => c.notNull()).addColumn('open_key', text, (c) => c.unique())
    .addColumn('created_at', text, (c) => c.notNull()).addColumn('decided_at', text).addColumn('reviewer_id', text).addColumn('decision_reason', text).execute()
  await db.schema.createIndex('leave_requests_person').on('leave_requests').columns(['person_key', 'created_at']).execute()
  await db.schema.createIndex('leave_requests_org').on('leave_requests').columns(['org_id', 'status']).execute()

  await db.schema.createTable('membership_events').addColumn('id', ...serial).addColumn('person_key', text, (c) => c.notNull())
    .addColumn('kind', text, (c) => c.notNull()).addColumn('org_id', text).addColumn('reason', text).addColumn('created_at', text, (c) => c.notNull()).execute()
  await db.schema.createIndex('membership_events_person').on('membership_events').columns(['person_key', 'created_at']).execute()

  await db.schema.alterTable('members').addColumn('profile_enc', text).execute()
  await db.schema.alterTable('members').addColumn('mobile_masked', text).execute()
  await db.schema.alterTable('members').addColumn('home_county', text).execute()
  await db.schema.alterTable('members').addColumn('home_township', text).execute()

  await carryOverMemberships(db)
}

/**
 * Carried over from before 0009: each member linked to the platform user whose application made
 * the membership, each member's card (from the approved application) kept — revoked if the member
 * left or was expelled, or moved since — and the joining in the history. Exported for its test.
 */
export async function carryOverMemberships(db: Kysely<unknown>): Promise<void> {
  const typed = db as unknown as Kysely<Database>
  const members = await sql<{ person_key: string; platform_id: string; platform_user_id: string; updated_at: string }>`
    select m.person_key, s.platform_id, s.platform_user_id, m.updated_at from members m join applications a on a.id = m.application_id join sessions s on s.id = a.session_id order by m.updated_at`.execute(db)
  const links = new Map<string, { platform_id: string; platform_user_id: string; person_key: string; linked_at: string }>()
  for (const r of members.rows) links.set(`${r.platform_id}|${r.platform_user_id}`, { platform_id: r.platform_id, platform_user_id: r.platform_user_id, person_key: r.person_key, linked_at: r.updated_at })
  for (const chunk of chunks([...links.values()])) await typed.insertInto('person_links').values(chunk).execute()
  const rows = await sql<{ person_key: string; org_id: string; status: string; member_card: string | null; application_org: string | null }>`
    select m.person_key, m.org_id, m.status, a.member_card, a.org_id as application_org from members m join applications a on a.id = m.application_id`.execute(db)
  const cards: MemberCardTable[] = []
  const events: Array<{ person_key: string; kind: string; org_id: string | null; reason: null; created_at: string }> = []
  for (const c of rows.rows) {
    if (!c.member_card) continue
    const card = JSON.parse(c.member_card) as { number: string; qr_payload: string; issued_at: string }
    const issuedAt = new Date(Date.parse(card.issued_at)).toISOString()
    // A card naming a union the member has since left (a transfer completed before cards were reissued) no longer
    // holds; the member centre issues the member a new one on the next read (domain/membership.ts).
    const revoked = c.status === 'withdrawn' || c.status === 'expelled' ? c.status : c.application_org !== c.org_id ? 'reissued' : null
    cards.push({ id: `card_m${String(cards.length + 1).padStart(8, '0')}`, person_key: c.person_key, card_number: card.number, org_id: c.application_org ?? c.org_id, qr_payload: card.qr_payload, payload_hash: createHash('sha256').update(card.qr_payload).digest('hex'), issued_at: issuedAt, revoked_at: revoked ? issuedAt : null, revoke_reason: revoked })
    events.push({ person_key: c.person_key, kind: 'joined', org_id: c.application_org ?? c.org_id, reason: null, created_at: issuedAt })
  }
  for (const chunk of chunks(cards)) await typed.insertInto('member_cards').values(chunk).execute()
  for (const chunk of chunks(events)) await typed.insertInto('membership_events').values(chunk).execute()
}

/** Rows in batches small enough for SQLite's bound-parameter limit. */
function chunks<T>(rows: T[], size = 90): T[][] {
  const out: T[][] = []
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size))
  return out
}
