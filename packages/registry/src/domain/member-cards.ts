/**
 * Member cards (issue #16): each card issued is kept (member_cards); the one in force has
 * revoked_at null. A card names the union that holds the membership: it is reissued (same card
 * number, new signed payload) when a transfer completes, and revoked when the member leaves or is
 * expelled. The approved application's `member_card` follows the card in force.
 *
 *   const card = await issueCard(ctx, trx, { personKey, cardNumber, orgId, nameMasked, joinDate, now })   // on approval
 *   await reissueCard(ctx, trx, personKey, now)                                                           // after a transfer, or on restore
 *   await revokeCards(trx, personKey, 'expelled', now)                                                    // leaving, expulsion
 */
import { createHash } from 'node:crypto'
import { toChinaTime } from '@ruhui/core/contract'
import type { Kysely, Transaction } from 'kysely'
import { newId } from '../crypto/hashing'
import { signCard } from '../crypto/member-card'
import type { Database, MemberCardTable } from '../db/schema'
import { type RegistryContext, iso } from './context'

export type CardRevokeReason = 'withdrawn' | 'expelled' | 'reissued'
export interface WireCard {
  number: string
  qr_payload: string
  issued_at: string
}

const payloadHash = (payload: string) => createHash('sha256').update(payload).digest('hex')

export interface IssueCardInput {
  personKey: string
  cardNumber: string
  orgId: string
  /** As on the card: '*三'. */
  nameMasked: string
  /** 'YYYY-MM-DD', kept across transfers. */
  joinDate: string
  now: number
}

/** Sign and keep a new card (the caller revokes any earlier one first); returns it as the API shows it. */
export async function issueCard(ctx: RegistryContext, trx: Transaction<Database>, c: IssueCardInput): Promise<WireCard> {
  const issuedAt = iso(c.now)
  const qr = signCard(ctx.keys, { no: c.cardNumber, org: c.orgId, name: c.nameMasked, since: c.joinDate, iat: issuedAt })
  const row: MemberCardTable = { id: newId('card'), person_key: c.personKey, card_number: c.cardNumber, org_id: c.orgId, qr_payload: qr, payload_hash: payloadHash(qr), issued_at: issuedAt, revoked_at: null, revoke_reason: null }
  await trx.insertInto('member_cards').values(row).execute()
  return wireCard(row)
}

/** Revoke the card(s) in force; returns how many were. */
export async function revokeCards(trx: Transaction<Database>, personKey: string, reason: CardRevokeReason, now: number): Promise<number> {
  const r = await trx.updateTable('member_cards').set({ revoked_at: iso(now), revoke_reason: reason }).where('person_key', '=', personKey).where('revoked_at', 'is', null).executeTakeFirst()
  if (reason !== 'reissued') await setApplicationCard(trx, personKey, null)
  return Number(r.numUpdatedRows)
}

/**
 * Replace the card in force with one naming the member's union as it is now (same number, join date
 * kept): after a transfer completes, or when a membership is restored. Returns the new card.
 */
export async function reissueCard(ctx: RegistryContext, trx: Transaction<Database>, personKey: string, now: number): Promise<WireCard> {
  const member = await trx.selectFrom('members').select(['org_id', 'join_date', 'card_number', 'application_id']).where('person_key', '=', personKey).executeTakeFirstOrThrow()
  const app = await trx.selectFrom('applications').select(['name_masked']).where('id', '=', member.application_id).executeTakeFirst()
  await revokeCards(trx, personKey, 'reissued', now)
  const card = await issueCard(ctx, trx, { personKey, cardNumber: member.card_number, orgId: member.org_id, nameMasked: app?.name_masked ?? '*', joinDate: member.join_date, now })
  await setApplicationCard(trx, personKey, card)
  return card
}

/** The card in force, or undefined. */
export async function currentCard(db: Kysely<Database> | Transaction<Database>, personKey: string): Promise<WireCard | undefined> {
  const row = await db.selectFrom('member_cards').selectAll().where('person_key', '=', personKey).where('revoked_at', 'is', null).orderBy('issued_at', 'desc').limit(1).executeTakeFirst()
  return row ? wireCard(row) : undefined
}

/** The card row a QR payload is, if this registry issued it. */
export async function cardByPayload(db: Kysely<Database>, payload: string): Promise<MemberCardTable | undefined> {
  return db.selectFrom('member_cards').selectAll().where('payload_hash', '=', payloadHash(payload)).executeTakeFirst()
}

async function setApplicationCard(trx: Transaction<Database>, personKey: string, card: WireCard | null): Promise<void> {
  const member = await trx.selectFrom('members').select(['application_id']).where('person_key', '=', personKey).executeTakeFirst()
  if (member) await trx.updateTable('applications').set({ member_card: card ? JSON.stringify(card) : null }).where('id', '=', member.application_id).execute()
}

function wireCard(row: MemberCardTable): WireCard {
  return { number: row.card_number, qr_payload: row.qr_payload, issued_at: toChinaTime(Date.parse(row.issued_at)) }
}
