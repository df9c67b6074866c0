// Migration 0009 carries memberships made before it over (nothing already accepted is lost), on both
// dialects: a member, a member who moved to Hefei, a member who left — their rows as they stood before
// 0009 (no links, no kept cards, no history; the approved application holding the card) — then the
// carry-over, and the member centre and card checks as the members find them afterwards.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { carryOverMemberships } from '../src/db/migration-0009-membership'
import { openStorage } from '../src/db/connect'
import { eachDialect } from './dialects'
import { driverSession, nanjingMember, person, requestMoveToHefei, staffClient, staffJson } from './membership-fixtures'
import { queryRows, runSql } from './row-counts'

eachDialect('migration 0009 carry-over', (registry) => {
  it('links each member to the platform user who applied, keeps their cards, revokes what no longer holds', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '迁移平台', '--id', 'P-MIG'])['secret_key'] as string
    const nanjing = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key'] as string)
    const hefei = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥'])['key'] as string)
    const cardOf = async (applicationId: string) => (await staffJson<{ member_card: { number: string; qr_payload: string } }>(nanjing, `/v1/review/applications/${applicationId}`)).member_card
    const stays = await nanjingMember(r.baseUrl, key, nanjing, person(501, '吴留下'), 'mig-stays')
    const moves = await nanjingMember(r.baseUrl, key, nanjing, person(502, '郑搬走'), 'mig-moves')
    const leaves = await nanjingMember(r.baseUrl, key, nanjing, person(503, '冯离开'), 'mig-leaves')
    const cards = { stays: await cardOf(stays.applicationId), moves: await cardOf(moves.applicationId), leaves: await cardOf(leaves.applicationId) }
    const transfer = await requestMoveToHefei(r.baseUrl, key, person(502, '郑搬走'), 'mig-moves-hefei')
    await staffJson(nanjing, `/v1/review/transfers/${transfer}/release`, {})
    await staffJson(hefei, `/v1/review/transfers/${transfer}/accept`, {})
    await runSql(r, `update members set status = 'withdrawn' where card_number = '${leaves.card}'`)

    // As before 0009: nothing of it kept; the approved applications hold the cards they were approved with.
    for (const table of ['person_links', 'member_cards', 'membership_events']) await runSql(r, `delete from ${table}`)
    await runSql(r, `update applications set member_card = '${JSON.stringify(cards.moves)}' where id = '${moves.applicationId}'`)
    const storage = openStorage({ dataDir: r.dataDir, ...(r.env.DATABASE_URL ? { databaseUrl: r.env.DATABASE_URL } : {}) })
    try {
      await carryOverMemberships(storage.db as never)
    } finally {
      await storage.close()
    }

    const links = await queryRows<{ platform_user_id: string }>(r, `select platform_user_id from person_links order by platform_user_id`)
    expect(links.map((l) => l.platform_user_id)).toEqual(['mig-leaves', 'mig-moves', 'mig-stays'])
    const anyone = createRegistryClient({ baseUrl: r.baseUrl, secretKey: key, transport: createFetchTransport() })
    // The member who stayed: the same card, still valid, the joining in the history.
    const stayed = await (await driverSession(r.baseUrl, key, 'mig-stays')).membership.retrieve()
    expect(stayed).toMatchObject({ status: 'active', union: { org_id: 'org_nf_320115' }, card: { number: cards.stays.number, qr_payload: cards.stays.qr_payload }, history: [{ kind: 'joined' }] })
    expect((await anyone.cards.verify(cards.stays.qr_payload)).result).toBe('valid')
    // The member who moved: the Nanjing card revoked; a card naming Hefei issued on the first read, once.
    expect((await anyone.cards.verify(cards.moves.qr_payload)).result).toBe('revoked')
    const mover = await driverSession(r.baseUrl, key, 'mig-moves')
    const moved = await mover.membership.retrieve()
    expect(moved).toMatchObject({ status: 'active', union: { org_id: 'org_nf_340104' }, card: { number: cards.moves.number } })
    expect(moved.card?.qr_payload).not.toBe(cards.moves.qr_payload)
    expect(await anyone.cards.verify(moved.card?.qr_payload as string)).toMatchObject({ result: 'valid', union_name: moved.union?.name })
    expect((await mover.membership.retrieve()).card?.qr_payload).toBe(moved.card?.qr_payload)
    expect((await queryRows(r, `select id from member_cards where revoked_at is null and card_number = '${cards.moves.number}'`)).length).toBe(1)
    // The member who left: no card, the old one revoked.
    expect(await (await driverSession(r.baseUrl, key, 'mig-leaves')).membership.retrieve()).toMatchObject({ status: 'withdrawn', card: null })
    expect((await anyone.cards.verify(cards.leaves.qr_payload)).result).toBe('revoked')
  })
})
