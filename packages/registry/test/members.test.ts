// Member statuses (retained, withdrawn, active again) and a directory replaced while running.
import { expect, it } from 'vitest'
import { createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testConsents, testCharter, testIdentities } from '@ruhui/testing'
import { eachDialect } from './dialects'

eachDialect('members and directory', (registry) => {
  it('the union sets a membership retained or withdrawn; someone who left can join again', async () => {
    const r = registry()
    const p = r.cli(['platform', 'create', '--name', '会籍平台', '--id', 'P-MEM'])
    const reviewer = r.cli(['reviewer', 'create', '--org', 'org_lf_32', '--name', '省'])
    const outsider = r.cli(['reviewer', 'create', '--org', 'org_lf_34', '--name', '皖'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    const person = { ...testIdentities.standard, id_number: makeTestIdNumber({ sequence: '666' }) }
    const join = async (user: string) => {
      const s = await api.joinSessions.create({ platform_user_id: user })
      const d = createRegistryClient({ baseUrl: r.baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
      return d.applications.submit({ applicant: { ...person, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
    }
    const review = (key: string, path: string, body?: unknown) => fetch(`${r.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${key}` }, ...(body ? { body: JSON.stringify(body) } : {}) })
    const app = await join('m1')
    const approved = (await (await review(reviewer.key as string, `/v1/review/applications/${app.id}/approve`)).json()) as { member_card: { number: string } }
    const card = approved.member_card.number
    expect((await review(outsider.key as string, `/v1/review/members/${card}/status`, { status: 'retained' })).status).toBe(404)
    expect((await review(reviewer.key as string, `/v1/review/members/${card}/status`, { status: 'expelled' })).status).toBe(400)
    const retained = (await (await review(reviewer.key as string, `/v1/review/members/${card}/status`, { status: 'retained', reason: '退休' })).json()) as { status: string }
    expect(retained.status).toBe('retained')
    await expect(join('m2')).rejects.toMatchObject({ code: 'already_member' }) // retained is still a membership, at this very union
    await review(reviewer.key as string, `/v1/review/members/${card}/status`, { status: 'withdrawn', reason: '本人申请退会' })
    const again = await join('m3')
    const rejoined = (await (await review(reviewer.key as string, `/v1/review/applications/${again.id}/approve`)).json()) as { status: string; member_card: { number: string } }
    expect(rejoined.status).toBe('approved')
    expect(rejoined.member_card.number).not.toBe(card)
  })

  it('a running registry picks up a directory seeded by another process', async () => {
    const r = registry()
    const p = r.cli(['platform', 'create', '--name', '目录平台', '--id', 'P-DIR'])
    const api = createRegistryClient({ baseUrl: r.baseUrl, secretKey: p.secret_key as string, transport: createFetchTransport() })
    expect((await api.organisations.search({ q: '江宁区新业态' })).data).toHaveLength(1)
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const file = join(mkdtempSync(join(tmpdir(), 'dir-')), 'directory.json')
    const orgs = [{ id: 'org_only_one', name: '唯一的测试工会', type: 'freight_committee', level: 'county', isGrassroots: true, acceptsOnline: true, status: 'active', regionCode: '320115', coverage: { regionPrefixes: ['320115'] } }]
    writeFileSync(file, JSON.stringify({ format: 'ruhui-directory', version: 1, organisations: orgs }))
    r.cli(['seed', file])
    let names: string[] = []
    for (let i = 0; i < 40; i++) {
      names = (await api.organisations.search()).data.map((o) => o.name)
      if (names.length === 1) break
      await new Promise((res) => setTimeout(res, 100))
    }
    expect(names).toEqual(['唯一的测试工会'])
    r.cli(['seed']) // back to the sample directory for any later test
  })
})
