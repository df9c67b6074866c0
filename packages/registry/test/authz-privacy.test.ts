// The authorization matrix, issue #13: what each party sees. The platform's view of an application
// (retrieve, list, every event) carries no membership field unless the driver consented; only the
// driver withdraws; a withdrawn consent stops the platform and partners from then on; partners get
// only their regions' members; a Hefei reviewer's stats, exports and member search never count
// Nanjing. Both dialects, a real registry process, real HTTP.
import { beforeAll, describe, expect, it } from 'vitest'
import { makeTestIdNumber, testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { queryRows, runSql } from './row-counts'

/** Everything the platform may see of an application; `membership` only where allowed. */
const PLATFORM_FIELDS = ['id', 'object', 'session_id', 'platform_id', 'status', 'reason_code', 'submitted_at', 'updated_at']

/** Fails if the platform's view carries anything else, or a membership it may not have. */
function expectPlatformView(view: Record<string, unknown>, membership: string | null) {
  const extra = Object.keys(view).filter((k) => !PLATFORM_FIELDS.includes(k) && k !== 'membership')
  expect(extra, `fields the platform may not see: ${extra.join(', ')}`).toEqual([])
  if (membership === null) expect(view).not.toHaveProperty('membership')
  else expect(view.membership).toEqual({ member: true, org_name: membership })
}

const NANJING = { county: '320115', org: 'org_nf_320115' }
const HEFEI = { county: '340104', org: 'org_nf_340104' }

eachDialect('what each party sees (issue #13)', (registry) => {
  let secret = ''
  let nanjingReviewer = ''
  let hefeiReviewer = ''
  let jiangsuPartner = ''
  let anhuiPartner = ''
  const people: Record<string, { appId: string; token: string; idNumber: string; name: string; mobile: string }> = {}

  const call = async (path: string, auth: string, init: { method?: string; body?: unknown } = {}) => {
    const res = await fetch(`${registry().baseUrl}${path}`, { method: init.method ?? 'GET', headers: { authorization: `Bearer ${auth}`, 'content-type': 'application/json' }, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) })
    const text = await res.text()
    const json = (res.headers.get('content-type') ?? '').includes('json') && text ? JSON.parse(text) : null
    return { status: res.status, json: json as Record<string, any>, text }
  }
  const session = async (user: string) => {
    const s = await call('/v1/join-sessions', secret, { method: 'POST', body: { platform_user_id: user } })
    return s.json.join_token as string
  }
  const body = (who: { name: string; idNumber: string; mobile: string }, where: { county: string; org: string }, optional: Array<'share_with_partners' | 'share_membership_with_platform'> = []) => ({
    applicant: { name: who.name, id_number: who.idNumber, mobile: who.mobile, employment_form: 'platform_self_employed' },
    base_region: { county: where.county },
    org_id: where.org,
    consents: testConsents(undefined, optional),
    charter: testCharter(),
  })
  const join = async (key: string, seq: string, name: string, where: { county: string; org: string }, optional: Array<'share_with_partners' | 'share_membership_with_platform'>, approveWith: string | null) => {
    const who = { name, idNumber: makeTestIdNumber({ regionCode: where.county, birthDate: '1986-04-02', sequence: seq }), mobile: `1390000${seq.padStart(4, '0')}` }
    const token = await session(`user-${key}`)
    const res = await call('/v1/applications', token, { method: 'POST', body: body(who, where, optional) })
    expect(res.status, res.text).toBe(201)
    if (approveWith) expect((await call(`/v1/review/applications/${res.json.id}/approve`, approveWith, { method: 'POST', body: {} })).status).toBe(200)
    people[key] = { appId: res.json.id as string, token, ...who }
  }

  beforeAll(async () => {
    const r = registry()
    secret = r.cli(['platform', 'create', '--name', '隐私测试平台', '--id', 'P-PRIV']).secret_key as string
    nanjingReviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京审核员']).key as string
    hefeiReviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥审核员']).key as string
    jiangsuPartner = r.cli(['partner', 'create', '--name', '江苏交通（测试）', '--region-prefix', '32']).key as string
    anhuiPartner = r.cli(['partner', 'create', '--name', '安徽交通（测试）', '--region-prefix', '34']).key as string
    await join('sharing', '301', '周共享', NANJING, ['share_with_partners', 'share_membership_with_platform'], nanjingReviewer)
    await join('private', '302', '吴不说', NANJING, [], nanjingReviewer)
    await join('hefei', '303', '郑合肥', HEFEI, ['share_with_partners', 'share_membership_with_platform'], hefeiReviewer)
    await join('open', '304', '冯待审', NANJING, ['share_membership_with_platform'], null)
    await join('refused', '305', '陈驳回', NANJING, [], null)
    expect((await call(`/v1/review/applications/${people.refused?.appId}/reject`, nanjingReviewer, { method: 'POST', body: { reason: '证件照片模糊-只给审核员看' } })).status).toBe(200)
  })

  describe('the platform sees status, not membership', () => {
    it('retrieve: the union’s name only for a member who let the platform know; never tier, card, QR or words', async () => {
      const union = (await call(`/v1/applications/${people.sharing?.appId}`, people.sharing?.token as string)).json.org_name as string
      expect(union).toBeTruthy()
      expectPlatformView((await call(`/v1/applications/${people.sharing?.appId}`, secret)).json, union)
      expectPlatformView((await call(`/v1/applications/${people.private?.appId}`, secret)).json, null)
      // Consented but not (yet) a member: nothing to tell.
      expectPlatformView((await call(`/v1/applications/${people.open?.appId}`, secret)).json, null)
      const refused = await call(`/v1/applications/${people.refused?.appId}`, secret)
      expectPlatformView(refused.json, null)
      expect(refused.json.reason_code).toBe('reviewer_rejected')
      expect(refused.text).not.toContain('只给审核员看')
    })

    it('the driver’s own view keeps the union, the card and the reason', async () => {
      const own = (await call(`/v1/applications/${people.private?.appId}`, people.private?.token as string)).json
      expect(own.org_name).toBeTruthy()
      expect(own.member_card.number).toBeTruthy()
      expect((await call(`/v1/applications/${people.refused?.appId}`, people.refused?.token as string)).json.status_reason.message).toContain('只给审核员看')
    })

    it('the list: every item the platform’s view', async () => {
      const list = (await call('/v1/applications?limit=100', secret)).json.data as Array<Record<string, unknown>>
      expect(list.length).toBeGreaterThanOrEqual(5)
      const unionOf = async (k: string) => (await call(`/v1/applications/${people[k]?.appId}`, people[k]?.token as string)).json.org_name as string
      const members: Record<string, string> = { [people.sharing?.appId as string]: await unionOf('sharing'), [people.hefei?.appId as string]: await unionOf('hefei') }
      for (const item of list) expectPlatformView(item, members[item.id as string] ?? null)
    })

    it('every event: the platform’s view (the payload that is signed and delivered)', async () => {
      const rows = await queryRows<{ payload: string }>(registry(), "select payload from events where platform_id = 'P-PRIV'")
      expect(rows.length).toBe(9) // five submitted, three approved, one rejected
      for (const row of rows) {
        const object = JSON.parse(row.payload).data.object as Record<string, unknown>
        if (object.object !== 'application') continue
        const mayKnow = (object.id === people.sharing?.appId || object.id === people.hefei?.appId) && object.status === 'approved'
        expectPlatformView(object, mayKnow ? ((object.membership as { org_name: string } | undefined)?.org_name ?? 'missing') : null)
        expect(row.payload).not.toContain('只给审核员看')
      }
    })

    it('only the driver withdraws: a secret key gets 403 permission_denied and nothing changes', async () => {
      const refused = await call(`/v1/applications/${people.open?.appId}/withdraw`, secret, { method: 'POST', body: {} })
      expect([refused.status, refused.json.error.code]).toEqual([403, 'permission_denied'])
      expect((await call(`/v1/applications/${people.open?.appId}`, secret)).json.status).toBe('under_review')
    })
  })

  describe('withdrawn consents', () => {
    it('the platform stops learning the membership from the withdrawal on', async () => {
      const w = await call('/v1/consents/withdraw', people.hefei?.token as string, { method: 'POST', body: { kind: 'share_membership_with_platform' } })
      expect(w.status).toBe(200)
      expect(w.json.consents.find((c: { kind: string }) => c.kind === 'share_membership_with_platform').withdrawn_at).toMatch(/\+08:00$/)
      expectPlatformView((await call(`/v1/applications/${people.hefei?.appId}`, secret)).json, null)
      const listed = ((await call('/v1/applications?limit=100', secret)).json.data as Array<Record<string, unknown>>).find((a) => a.id === people.hefei?.appId)
      expectPlatformView(listed as Record<string, unknown>, null)
      // Recorded, with its time, once: a second withdrawal changes nothing.
      await call('/v1/consents/withdraw', people.hefei?.token as string, { method: 'POST', body: { kind: 'share_membership_with_platform' } })
      expect(await queryRows(registry(), `select kind from consent_withdrawals where application_id = '${people.hefei?.appId}'`)).toEqual([{ kind: 'share_membership_with_platform' }])
    })

    it('a basic consent cannot be withdrawn here (that is leaving the union)', async () => {
      const res = await call('/v1/consents/withdraw', people.sharing?.token as string, { method: 'POST', body: { kind: 'share_with_union' } })
      expect([res.status, res.json.error.code, res.json.error.param]).toEqual([400, 'parameter_invalid', 'kind'])
    })

    it('partners: their regions only, members only, and never after the consent is withdrawn', async () => {
      const jiangsu = async () => ((await call('/v1/sharing/records', jiangsuPartner)).json.data as Array<{ application_id: string }>).map((r) => r.application_id)
      expect(await jiangsu()).toEqual([people.sharing?.appId]) // not 'private' (no consent), not Hefei (not its region)
      const anhui = ((await call('/v1/sharing/records', anhuiPartner)).json.data as Array<{ application_id: string }>).map((r) => r.application_id)
      expect(anhui).toEqual([people.hefei?.appId])
      expect((await call('/v1/sharing/records?region_prefix=3201', anhuiPartner)).status).toBe(403)
      // Hefei's driver withdraws the sharing: Anhui's partner no longer receives them.
      expect((await call('/v1/consents/withdraw', people.hefei?.token as string, { method: 'POST', body: { kind: 'share_with_partners' } })).status).toBe(200)
      expect((await call('/v1/sharing/records', anhuiPartner)).json.data).toEqual([])
      // A member who left (or was expelled) is not shared, nor told to the platform, even with the consents standing.
      for (const status of ['withdrawn', 'expelled']) {
        await runSql(registry(), `update members set status = '${status}' where application_id = '${people.sharing?.appId}'`)
        expect(await jiangsu(), status).toEqual([])
        expectPlatformView((await call(`/v1/applications/${people.sharing?.appId}`, secret)).json, null)
      }
      await runSql(registry(), `update members set status = 'active' where application_id = '${people.sharing?.appId}'`)
      expect(await jiangsu()).toEqual([people.sharing?.appId])
    })
  })

  describe('a reviewer counts only their subtree', () => {
    it('stats (funnel and region filter included): Hefei never counts Nanjing', async () => {
      const hefei = (await call('/v1/stats', hefeiReviewer)).json
      const nanjing = (await call('/v1/stats', nanjingReviewer)).json
      expect(hefei.funnel.submitted).toBe(1)
      expect(nanjing.funnel.submitted).toBe(4)
      expect(hefei.funnel.approved).toBe(1)
      expect((await call('/v1/stats?region_prefix=3201', hefeiReviewer)).json.funnel.submitted).toBe(0)
      expect(JSON.stringify(hefei.by_city ?? {})).not.toContain('3201')
    })

    it('exports and member search: Hefei’s reviewer gets no Nanjing row', async () => {
      const csv = (await call('/v1/review/exports/applications.csv', hefeiReviewer)).text
      expect(csv).toContain(people.hefei?.appId)
      for (const k of ['sharing', 'private', 'open', 'refused']) expect(csv).not.toContain(people[k]?.appId)
      const found = (await call(`/v1/review/members?name_last=${encodeURIComponent('享')}`, hefeiReviewer)).json
      expect(found.data).toEqual([])
      expect(((await call(`/v1/review/members?name_last=${encodeURIComponent('享')}`, nanjingReviewer)).json.data as unknown[]).length).toBe(1)
      // Outside the subtree, an application's detail does not exist.
      expect((await call(`/v1/review/applications/${people.sharing?.appId}`, hefeiReviewer)).status).toBe(404)
    })
  })

  describe('no membership oracle', () => {
    it('a member’s ID number under another name, from another session: taken in like anyone’s, flagged to the reviewer', async () => {
      const member = people.private as { idNumber: string; mobile: string; name: string }
      const token = await session('user-oracle')
      const res = await call('/v1/applications', token, { method: 'POST', body: body({ name: '王冒名', idNumber: member.idNumber, mobile: '13911112222' }, NANJING) })
      expect([res.status, res.json.status]).toEqual([201, 'under_review'])
      const detail = (await call(`/v1/review/applications/${res.json.id}`, nanjingReviewer)).json
      expect(detail.flags.possible_duplicate).toMatchObject({ member_org_id: NANJING.org, member_status: 'active' })
      // Withdrawn by the driver, so the member may try again below.
      expect((await call(`/v1/applications/${res.json.id}/withdraw`, token, { method: 'POST', body: {} })).status).toBe(200)
    })

    it('the member themself (name, ID number and mobile all match): already_member', async () => {
      const member = people.private as { idNumber: string; mobile: string; name: string }
      const res = await call('/v1/applications', await session('user-self'), { method: 'POST', body: body(member, NANJING) })
      expect([res.status, res.json.error.code]).toEqual([409, 'already_member'])
    })

    it('an ID number with an application being handled, under another name: taken in and flagged; the same person: application_exists', async () => {
      const pending = people.open as { idNumber: string; mobile: string; name: string }
      const other = await call('/v1/applications', await session('user-other-open'), { method: 'POST', body: body({ name: '许别人', idNumber: pending.idNumber, mobile: '13933334444' }, NANJING) })
      expect([other.status, other.json.status]).toEqual([201, 'under_review'])
      expect((await call(`/v1/review/applications/${other.json.id}`, nanjingReviewer)).json.flags.possible_duplicate).toEqual({ open_application_id: pending && people.open?.appId })
      const again = await call('/v1/applications', await session('user-open-again'), { method: 'POST', body: body(pending, NANJING) })
      expect([again.status, again.json.error.code]).toEqual([409, 'application_exists'])
    })

    it('a session may try only a few distinct ID numbers', async () => {
      const token = await session('user-prober')
      const probe = (seq: string) => call('/v1/applications', token, { method: 'POST', body: body({ name: '赵探测', idNumber: makeTestIdNumber({ regionCode: '320115', birthDate: '1980-01-01', sequence: seq }), mobile: '13922223333' }, { county: NANJING.county, org: 'org_not_offered_anywhere' }) })
      for (const seq of ['401', '402', '403']) expect((await probe(seq)).json.error.code).toBe('org_not_offered')
      expect((await probe('402')).json.error.code).toBe('org_not_offered') // the same number again is not a new one
      const capped = await probe('404')
      expect([capped.status, capped.json.error.code, capped.json.error.param]).toEqual([429, 'too_many_id_numbers', 'applicant.id_number'])
    })
  })

  describe('transfers: only members have them, so the platform hears of one only with the consent (and never between which unions)', () => {
    const TRANSFER_FIELDS = ['created_at', 'id', 'object', 'session_id', 'status', 'updated_at']
    const transferEvents = async (id: string) => (await queryRows<{ type: string; payload: string }>(registry(), `select type, payload from events where platform_id = 'P-PRIV' and type like 'transfer.%' and payload like '%${id}%' order by created_at, id`))

    it('without share_membership_with_platform: no event, and the secret key reads it as a transfer that does not exist', async () => {
      const member = people.private as { idNumber: string; mobile: string; name: string }
      const token = await session('user-mover')
      const moved = await call('/v1/applications', token, { method: 'POST', body: body(member, HEFEI) })
      expect([moved.status, moved.json.error.code]).toEqual([409, 'transfer_required'])
      const t = await call('/v1/transfers', token, { method: 'POST', body: { to_org_id: HEFEI.org, reason: 'relocation' } })
      expect(t.status).toBe(201)
      expect(t.json.from_org_id).toBe(NANJING.org) // the driver's own view
      expect((await call(`/v1/transfers/${t.json.id}`, token)).json).toMatchObject({ id: t.json.id, from_org_id: NANJING.org, to_org_id: HEFEI.org })
      const seen = await call(`/v1/transfers/${t.json.id}`, secret)
      const missing = await call('/v1/transfers/trf_does_not_exist', secret)
      expect([seen.status, seen.json.error.code, seen.json.error.param]).toEqual([404, 'not_found', 'id'])
      expect([seen.json.error.type, seen.json.error.message]).toEqual([missing.json.error.type, missing.json.error.message])
      // Refused by the union: still nothing reaches the platform.
      expect((await call(`/v1/review/transfers/${t.json.id}/reject`, nanjingReviewer, { method: 'POST', body: {} })).status).toBe(200)
      expect(await transferEvents(t.json.id)).toEqual([])
      expect((await call(`/v1/transfers/${t.json.id}`, secret)).status).toBe(404)
    })

    it('with the consent: the status-only view and the events; withdrawn, the platform reads it no more', async () => {
      const member = people.sharing as { idNumber: string; mobile: string; name: string; token: string }
      const token = await session('user-mover-sharing')
      const moved = await call('/v1/applications', token, { method: 'POST', body: body(member, HEFEI) })
      expect([moved.status, moved.json.error.code]).toEqual([409, 'transfer_required'])
      const t = await call('/v1/transfers', token, { method: 'POST', body: { to_org_id: HEFEI.org, reason: 'relocation' } })
      expect(t.status, t.text).toBe(201)
      const seen = await call(`/v1/transfers/${t.json.id}`, secret)
      expect(seen.status).toBe(200)
      expect(Object.keys(seen.json).sort()).toEqual(TRANSFER_FIELDS)
      expect(seen.json.status).toBe('requested')
      expect((await call(`/v1/review/transfers/${t.json.id}/release`, nanjingReviewer, { method: 'POST', body: {} })).status).toBe(200)
      expect((await call(`/v1/review/transfers/${t.json.id}/accept`, hefeiReviewer, { method: 'POST', body: {} })).status).toBe(200)
      const events = await transferEvents(t.json.id)
      expect(events.map((e) => e.type)).toEqual(['transfer.requested', 'transfer.completed'])
      for (const e of events) expect(Object.keys(JSON.parse(e.payload).data.object).sort()).toEqual(TRANSFER_FIELDS)
      expect((await call(`/v1/transfers/${t.json.id}`, secret)).json.status).toBe('completed')
      // The driver withdraws the consent from the session that moved (linked to the member on completion,
      // no application of its own): withdrawn on the membership's application, the platform reads 404.
      const w = await call('/v1/consents/withdraw', token, { method: 'POST', body: { kind: 'share_membership_with_platform' } })
      expect([w.status, w.json.application_id]).toEqual([200, member && people.sharing?.appId])
      expect((await call(`/v1/transfers/${t.json.id}`, secret)).status).toBe(404)
      expectPlatformView((await call(`/v1/applications/${people.sharing?.appId}`, secret)).json, null)
      expect((await call(`/v1/transfers/${t.json.id}`, token)).json.status).toBe('completed') // the driver still reads it
    })
  })
})
