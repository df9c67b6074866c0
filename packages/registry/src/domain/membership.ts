/**
 * The member's own view (我的会籍, issue #16, GET /v1/me/membership): read with a join token of a
 * session whose platform user is linked to a member (person-links.ts): everything the member should
 * see about their membership and applications, personal data masked. A platform user not linked to
 * a member sees only the applications submitted from their own sessions (status null): the review
 * loop reopened days later in a new session.
 */
import { type Membership, toChinaTime } from '@ruhui/core/contract'
import type { Kysely, Selectable, Transaction } from 'kysely'
import type { Database, MemberTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext } from './context'
import { informationRequestView } from './information-requests'
import { currentCard, reissueCard } from './member-cards'
import { personOfSession } from './person-links'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>
type Db = Kysely<Database> | Transaction<Database>
export type MemberRow = Selectable<MemberTable>

/** Statuses in which the person is a member (the card holds, the session opens the member centre). */
export const IN_FORCE_STATUSES = ['active', 'transferring', 'retained']
const cst = (isoTime: string) => toChinaTime(Date.parse(isoTime))

/** The caller's member (by the link made on approval); refuses `membership_not_found` when the platform user is not linked to one. */
export async function callerMember(ctx: RegistryContext, caller: TokenCaller, db: Db = ctx.db): Promise<{ personKey: string; member: MemberRow | undefined }> {
  const person = await personOfSession(db, caller.sessionId)
  if (!person) throw new Refusal('membership_not_found')
  const member = await db.selectFrom('members').selectAll().where('person_key', '=', person.personKey).executeTakeFirst()
  return { personKey: person.personKey, member }
}

/** The caller's membership row, refusing unless it is in force (active, transferring, retained) — or in `allowed`. */
export async function requireMember(ctx: RegistryContext, caller: TokenCaller, allowed: readonly string[] = IN_FORCE_STATUSES, db: Db = ctx.db) {
  const { personKey, member } = await callerMember(ctx, caller, db)
  if (!member) throw new Refusal('membership_not_found', { message: '您还不是工会会员' })
  if (!allowed.includes(member.status)) throw new Refusal('membership_not_active')
  return { personKey, member }
}

/**
 * 'member_centre' when the session's platform user is a member in force, or when the union asked for
 * more on an application from one of this platform user's sessions (the review loop, answered in the
 * member centre); else 'join'. One read tells the flow which to open: no second request for a driver
 * who never applied.
 */
export async function sessionMode(ctx: RegistryContext, sessionId: string): Promise<'join' | 'member_centre'> {
  const person = await personOfSession(ctx.db, sessionId)
  if (person) {
    const member = await ctx.db.selectFrom('members').select(['status']).where('person_key', '=', person.personKey).executeTakeFirst()
    if (member && IN_FORCE_STATUSES.includes(member.status)) return 'member_centre'
  }
  const waiting = await ctx.db
    .selectFrom('applications')
    .innerJoin('sessions as owner', 'owner.id', 'applications.session_id')
    .innerJoin('sessions as me', (j) => j.onRef('me.platform_id', '=', 'owner.platform_id').onRef('me.platform_user_id', '=', 'owner.platform_user_id'))
    .select('applications.id')
    .where('me.id', '=', sessionId)
    .where('applications.status', '=', 'needs_info')
    .limit(1)
    .executeTakeFirst()
  return waiting ? 'member_centre' : 'join'
}

export async function retrieveMembership(ctx: RegistryContext, caller: TokenCaller, db: Db = ctx.db): Promise<Membership> {
  const person = await personOfSession(db, caller.sessionId)
  const member = person ? await db.selectFrom('members').selectAll().where('person_key', '=', person.personKey).executeTakeFirst() : undefined
  if (person && member) {
    if (db === ctx.db) await ensureCard(ctx, person.personKey, member)
    return membershipOf(ctx, person.personKey, member, db)
  }
  // Not a member: the applications of this platform user's own sessions only.
  const apps = await db
    .selectFrom('applications')
    .innerJoin('sessions as owner', 'owner.id', 'applications.session_id')
    .innerJoin('sessions as me', (j) => j.onRef('me.platform_id', '=', 'owner.platform_id').onRef('me.platform_user_id', '=', 'owner.platform_user_id'))
    .selectAll('applications')
    .where('me.id', '=', caller.sessionId)
    .orderBy('applications.submitted_at', 'desc')
    .limit(50)
    .execute()
  return applicantView(apps, db)
}

/**
 * A member in force without a card in force gets one (a member who moved before cards were kept,
 * whose old card migration 0009 revoked): issued once, in the write queue, checked again there.
 */
async function ensureCard(ctx: RegistryContext, personKey: string, member: MemberRow): Promise<void> {
  if (!IN_FORCE_STATUSES.includes(member.status) || (await currentCard(ctx.db, personKey))) return
  await ctx.writer.run(async (trx) => {
    if (!(await currentCard(trx, personKey))) await reissueCard(ctx, trx, personKey, ctx.now())
  })
}

type AppRow = Awaited<ReturnType<typeof appsOf>>[number]
/**
 * The member's own applications: the one that made them a member (members.application_id) and those
 * submitted from sessions of platform users linked to the member (person-links.ts, linked on approval).
 * Not every application with the member's ID number: anyone may file one with it (taken in, flagged
 * as a possible duplicate), and the member must not see it nor a reviewer's request meant for it.
 */
const appsOf = (db: Db, member: Pick<MemberRow, 'person_key' | 'application_id'>) =>
  db
    .selectFrom('applications')
    .selectAll('applications')
    .where('applications.person_key', '=', member.person_key)
    .where((eb) =>
      eb.or([
        eb('applications.id', '=', member.application_id),
        eb.exists(
          eb
            .selectFrom('sessions')
            .innerJoin('person_links', (j) => j.onRef('person_links.platform_id', '=', 'sessions.platform_id').onRef('person_links.platform_user_id', '=', 'sessions.platform_user_id'))
            .select('sessions.id')
            .whereRef('sessions.id', '=', 'applications.session_id')
            .where('person_links.person_key', '=', member.person_key),
        ),
      ]),
    )
    .orderBy('applications.submitted_at', 'desc')
    .limit(50)
    .execute()

async function openRequest(db: Db, apps: AppRow[]) {
  const open = apps.find((a) => a.status === 'needs_info')
  return open
    ? db.selectFrom('information_requests').selectAll().where('application_id', '=', open.id).where('answered_at', 'is', null).orderBy('created_at', 'desc').limit(1).executeTakeFirst()
    : undefined
}

const applicationsOnWire = (apps: AppRow[]) =>
  apps.map((a) => ({ id: a.id, status: a.status as 'submitted', org_name: a.org_name, submitted_at: cst(a.submitted_at), decided_at: a.decided_at ? cst(a.decided_at) : null }))

async function applicantView(apps: AppRow[], db: Db): Promise<Membership> {
  const latest = apps[0]
  if (!latest) throw new Refusal('membership_not_found')
  const request = await openRequest(db, apps)
  return {
    object: 'membership',
    status: null,
    union: null,
    join_date: null,
    member_name: latest.name_masked,
    mobile: latest.mobile_masked,
    home_region: { county: latest.base_county, ...(latest.base_township ? { township: latest.base_township } : {}) },
    card: null,
    leave_request: null,
    open_transfer: null,
    information_request: request ? informationRequestView(request) : null,
    applications: applicationsOnWire(apps),
    transfers: [],
    history: [],
  }
}

/** A member's full view (the caller has checked the link). */
export async function membershipOf(ctx: RegistryContext, personKey: string, member: MemberRow, db: Db = ctx.db): Promise<Membership> {
  const directory = ctx.directory()
  const orgName = (id: string | null) => (id ? (directory.byId.get(id)?.name ?? null) : null)
  const apps = await appsOf(db, member)
  const latest = apps.find((a) => a.id === member.application_id) ?? apps[0]
  if (!latest) throw new Refusal('membership_not_found')
  const [transfers, events, leave, card] = await Promise.all([
    db.selectFrom('transfers').selectAll().where('person_key', '=', personKey).orderBy('created_at', 'desc').limit(50).execute(),
    db.selectFrom('membership_events').selectAll().where('person_key', '=', personKey).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(100).execute(),
    db.selectFrom('leave_requests').selectAll().where('person_key', '=', personKey).orderBy('created_at', 'desc').limit(1).executeTakeFirst(),
    currentCard(db, personKey),
  ])
  const request = await openRequest(db, apps)
  const open = transfers.find((t) => t.status === 'requested' || t.status === 'released')
  const org = directory.byId.get(member.org_id)
  return {
    object: 'membership',
    status: member.status as NonNullable<Membership['status']>,
    union: { org_id: member.org_id, name: org?.name ?? member.org_id, contact: org?.contact ?? null },
    join_date: member.join_date,
    member_name: latest.name_masked,
    mobile: member.mobile_masked ?? latest.mobile_masked,
    home_region: member.home_county
      ? { county: member.home_county, ...(member.home_township ? { township: member.home_township } : {}) }
      : { county: latest.base_county, ...(latest.base_township ? { township: latest.base_township } : {}) },
    card: card ?? null,
    leave_request: leave
      ? { id: leave.id, object: 'leave_request', status: leave.status as 'pending', reason: leave.reason as 'other', requested_at: cst(leave.created_at), decided_at: leave.decided_at ? cst(leave.decided_at) : null }
      : null,
    open_transfer: open ? { id: open.id, status: open.status as 'requested', to_org_id: open.to_org_id, to_org_name: orgName(open.to_org_id), reason: open.reason as 'other', created_at: cst(open.created_at) } : null,
    information_request: request ? informationRequestView(request) : null,
    applications: applicationsOnWire(apps),
    transfers: transfers.map((t) => ({ id: t.id, status: t.status as 'requested', from_org_name: orgName(t.from_org_id), to_org_name: orgName(t.to_org_id), reason: t.reason as 'other', created_at: cst(t.created_at), updated_at: cst(t.updated_at) })),
    history: events.map((e) => ({ kind: e.kind as 'joined', at: cst(e.created_at), org_name: orgName(e.org_id), reason: e.reason })),
  }
}
