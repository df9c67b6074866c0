// SMS to drivers about decisions, through a stand-in of an SMS provider's HTTP endpoint, on both
// dialects: exactly one message per decision (approved, needs_info, rejected, transfer completed,
// transfer refused, expelled, leave confirmed or declined, retained, restored) to the number the driver gave, with the provider's bearer token; none for what
// is not a decision (submitted, a transfer asked for or released) nor for a refused request; a
// message the provider failed once is tried again and still reaches the phone once; no ID number
// and no full name in anything sent.
import { afterAll, expect, it } from 'vitest'
import { eachDialect } from './dialects'
import { type Person, type Staff, driverSession, nanjingMember, person, requestMoveToHefei, staffClient, staffJson, submitInNanjing } from './membership-fixtures'
import { queryRows } from './row-counts'
import { startSmsStandIn } from './sms-stand-in'

const sms = await startSmsStandIn()
afterAll(() => sms.close())

const NANJING = '南京市江宁区新业态行业工会联合会（示例）'
const HEFEI = '合肥市蜀山区新业态行业工会联合会（示例）'

eachDialect(
  'SMS notifications',
  (registry, dialect) => {
    const base = dialect === 'sqlite' ? 100 : 200
    const people = { a: person(base + 1, '周一鸣'), b: person(base + 2, '吴二娃'), c: person(base + 3, '郑三宝'), d: person(base + 4, '冯四海'), e: person(base + 5, '陈五福'), f: person(base + 6, '褚六顺'), g: person(base + 7, '卫七巧'), h: person(base + 8, '蒋八斗') }
    const to = (p: Person) => sms.delivered().filter((m) => m.body.to === p.mobile).map((m) => [m.body.template, m.body.params.union])

    it('one message per decision, to the driver’s number, retried through the outbox when the provider fails', async () => {
      const r = registry()
      const key = r.cli(['platform', 'create', '--name', '平台短信', '--id', 'P-SMS'])['secret_key'] as string
      const nanjing: Staff = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京'])['key'] as string)
      const hefei: Staff = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3401', '--name', '合肥'])['key'] as string)
      sms.failNext(1) // the first message the provider sees is refused with a 503

      await nanjingMember(r.baseUrl, key, nanjing, people.a, 'sms-a')
      const b = await submitInNanjing(r.baseUrl, key, people.b, 'sms-b')
      await staffJson(nanjing, `/v1/review/applications/${b}/request_info`, { reason: '请补充驾驶证照片' })
      await staffJson(nanjing, `/v1/review/applications/${b}/reject`, { reason: '非货车司机' })
      // A refused request (approving a rejected application) decides nothing and sends nothing.
      expect((await nanjing(`/v1/review/applications/${b}/approve`, { body: {} })).status).toBe(400)

      await nanjingMember(r.baseUrl, key, nanjing, people.c, 'sms-c')
      const tc = await requestMoveToHefei(r.baseUrl, key, people.c, 'sms-c2')
      await staffJson(nanjing, `/v1/review/transfers/${tc}/release`, {})
      await staffJson(hefei, `/v1/review/transfers/${tc}/accept`, {})
      await nanjingMember(r.baseUrl, key, nanjing, people.d, 'sms-d')
      const td = await requestMoveToHefei(r.baseUrl, key, people.d, 'sms-d2')
      await staffJson(nanjing, `/v1/review/transfers/${td}/reject`, {})
      // 开除会籍; and a member's 退会, confirmed by the union (a refused expulsion, without a reason, sends nothing).
      const { card: ce } = await nanjingMember(r.baseUrl, key, nanjing, people.e, 'sms-e')
      expect((await nanjing(`/v1/review/members/${ce}/expel`, { body: {} })).status).toBe(400)
      await staffJson(nanjing, `/v1/review/members/${ce}/expel`, { reason: '严重违反章程' })
      await nanjingMember(r.baseUrl, key, nanjing, people.f, 'sms-f')
      await (await driverSession(r.baseUrl, key, 'sms-f')).membership.leave({ reason: 'no_longer_driving' })
      const leave = (await staffJson<{ data: Array<{ id: string }> }>(nanjing, '/v1/review/leave-requests')).data[0]
      await staffJson(nanjing, `/v1/review/leave-requests/${leave?.id}/confirm`, {})
      // 保留会籍 and back; a request to leave declined.
      const { card: cg } = await nanjingMember(r.baseUrl, key, nanjing, people.g, 'sms-g')
      await staffJson(nanjing, `/v1/review/members/${cg}/retain`, { reason: '退休' })
      await staffJson(nanjing, `/v1/review/members/${cg}/restore`, {})
      await nanjingMember(r.baseUrl, key, nanjing, people.h, 'sms-h')
      await (await driverSession(r.baseUrl, key, 'sms-h')).membership.leave({ reason: 'personal' })
      const pending = (await staffJson<{ data: Array<{ id: string }> }>(nanjing, '/v1/review/leave-requests')).data[0]
      await staffJson(nanjing, `/v1/review/leave-requests/${pending?.id}/decline`, { reason: '请先与工会联系' })

      const expected = {
        a: [['application_approved', NANJING]],
        b: [['application_needs_info', NANJING], ['application_rejected', NANJING]],
        c: [['application_approved', NANJING], ['transfer_completed', HEFEI]],
        d: [['application_approved', NANJING], ['transfer_rejected', NANJING]],
        e: [['application_approved', NANJING], ['expelled', NANJING]],
        f: [['application_approved', NANJING], ['leave_confirmed', NANJING]],
        g: [['application_approved', NANJING], ['membership_retained', NANJING], ['membership_restored', NANJING]],
        h: [['application_approved', NANJING], ['leave_declined', NANJING]],
      }
      await expect.poll(() => Object.values(people).map(to).flat().length, { timeout: 20_000, interval: 200 }).toBe(16)
      // Nothing more arrives later (a second worker pass, a retry of a sent message).
      await new Promise((resolve) => setTimeout(resolve, 1200))
      for (const k of Object.keys(people) as Array<keyof typeof people>) expect(to(people[k]), k).toEqual(expected[k])
      const mine = sms.requests.filter((q) => Object.values(people).some((p) => p.mobile === q.body.to))
      expect(mine.filter((q) => q.status === 503)).toHaveLength(1) // and tried again after it
      expect(mine.every((q) => q.authorization === `Bearer ${sms.token}` && /^sms_/.test(q.idempotencyKey ?? ''))).toBe(true)
      for (const p of Object.values(people)) {
        for (const q of mine) {
          expect(q.raw).not.toContain(p.id_number)
          expect(q.raw).not.toContain(p.id_number.slice(-8))
          expect(q.raw).not.toContain(p.name)
        }
      }
      // Stored as sent, the number encrypted (the outbox holds no mobile in clear).
      const rows = await queryRows<{ status: string; to_enc: string; attempts: number }>(r, 'select status, to_enc, attempts from sms_messages')
      expect(rows).toHaveLength(16)
      expect(rows.every((row) => row.status === 'sent')).toBe(true)
      for (const p of Object.values(people)) expect(JSON.stringify(rows)).not.toContain(p.mobile)
    })

    it('one driver’s messages arrive in the order of the decisions, even when the first is refused once', async () => {
      const r = registry()
      const key = r.cli(['platform', 'create', '--name', '平台短信二', '--id', 'P-SMS2'])['secret_key'] as string
      const nanjing: Staff = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京二'])['key'] as string)
      const who = person(base + 50, '沈顺序')
      const id = await submitInNanjing(r.baseUrl, key, who, 'sms-order')
      sms.failNext(1) // the needs_info message is refused once
      await staffJson(nanjing, `/v1/review/applications/${id}/request_info`, { reason: '请补充驾驶证照片' })
      await staffJson(nanjing, `/v1/review/applications/${id}/reject`, { reason: '非货车司机' })
      await expect.poll(() => to(who).length, { timeout: 20_000, interval: 200 }).toBe(2)
      expect(to(who).map(([template]) => template)).toEqual(['application_needs_info', 'application_rejected'])
      const tries = sms.requests.filter((q) => q.body.to === who.mobile).map((q) => [q.body.template, q.status])
      expect(tries).toEqual([['application_needs_info', 503], ['application_needs_info', 200], ['application_rejected', 200]])
    })

    it('a decision about a member reaches the member’s number, not a stranger’s who later applied with their ID number', async () => {
      const r = registry()
      const key = r.cli(['platform', 'create', '--name', '平台短信三', '--id', 'P-SMS3'])['secret_key'] as string
      const nanjing: Staff = staffClient(r.baseUrl, r.cli(['reviewer', 'create', '--org', 'org_lf_3201', '--name', '南京三'])['key'] as string)
      const member = person(base + 60, '韩会员')
      const stranger: Person = { ...member, name: '秦冒名', mobile: person(base + 61).mobile }
      const { card } = await nanjingMember(r.baseUrl, key, nanjing, member, 'sms-member')
      // Another platform user files an application with the member's ID number and their own mobile: taken in, flagged.
      const flagged = await submitInNanjing(r.baseUrl, key, stranger, 'sms-stranger')
      const detail = await staffJson<{ flags: { possible_duplicate?: unknown } }>(nanjing, `/v1/review/applications/${flagged}`)
      expect(detail.flags.possible_duplicate).toBeTruthy()
      await staffJson(nanjing, `/v1/review/members/${card}/retain`, { reason: '退休' })
      await staffJson(nanjing, `/v1/review/members/${card}/restore`, {})
      await expect.poll(() => to(member).length, { timeout: 20_000, interval: 200 }).toBe(3)
      await new Promise((resolve) => setTimeout(resolve, 1200))
      expect(to(member)).toEqual([['application_approved', NANJING], ['membership_retained', NANJING], ['membership_restored', NANJING]])
      expect(to(stranger)).toEqual([])
    })
  },
  { RUHUI_SMS_URL: sms.url, RUHUI_SMS_TOKEN: sms.token },
)
