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

  // Carried over: each member is linked to the platform user whose application made the membership.
  const members = await sql<{ person_key: string; platform_id: string; platform_user_id: string; updated_at: string }>`
    select m.person_key, s.platform_id, s.platform_user_id, m.updated_at from members m join applications a on a.id = m.application_id join sessions s on s.id = a.session_id order by m.updated_at`.execute(db)
  const links = new Map<string, { platform_id: string; platform_user_id: string; person_key: string; linked_at: string }>()
  for (const r of members.rows) links.set(`${r.platform_id}|${r.platform_user_id}`, { platform_id: r.platform_id, platform_user_id: r.platform_user_id, person_key: r.person_key, linked_at: r.updated_at })
  for (const l of links.values()) await sql`insert into person_links (platform_id, platform_user_id, person_key, linked_at) values (${l.platform_id}, ${l.platform_user_id}, ${l.person_key}, ${l.linked_at})`.execute(db)
  const cards = await sql<{ person_key: string; org_id: string; status: string; join_date: string; member_card: string | null; application_org: string | null }>`
    select m.person_key, m.org_id, m.status, m.join_date, a.member_card, a.org_id as application_org from members m join applications a on a.id = m.application_id`.execute(db)
  let n = 0
  for (const c of cards.rows) {
    if (!c.member_card) continue
    const card = JSON.parse(c.member_card) as { number: string; qr_payload: string; issued_at: string }
    const hash = createHash('sha256').update(card.qr_payload).digest('hex')
    // A card naming a union the member has since left (a transfer before cards were reissued) no longer holds.
    const revoked = c.status === 'withdrawn' || c.status === 'expelled' ? c.status : c.application_org !== c.org_id ? 'reissued' : null
    await sql`insert into member_cards (id, person_key, card_number, org_id, qr_payload, payload_hash, issued_at, revoked_at, revoke_reason)
      values (${`card_m${String(++n).padStart(6, '0')}`}, ${c.person_key}, ${card.number}, ${c.application_org ?? c.org_id}, ${card.qr_payload}, ${hash}, ${card.issued_at}, ${revoked ? card.issued_at : null}, ${revoked})`.execute(db)
    await sql`insert into membership_events (person_key, kind, org_id, reason, created_at) values (${c.person_key}, 'joined', ${c.application_org ?? c.org_id}, ${null}, ${card.issued_at})`.execute(db)
  }
}
