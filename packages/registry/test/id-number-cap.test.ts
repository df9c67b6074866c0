// The per-session cap on distinct ID numbers (issue #13; security review M2) holds under parallel
// submissions: the check and the record are one write-queue step before the member lookup, so N
// submissions at once with N different ID numbers let exactly the cap through. Real registry process
// over HTTP, both dialects, synthetic ID numbers (check digits computed).
import { expect, it } from 'vitest'
import { makeTestIdNumber, testCharter, testConsents } from '@ruhui/testing'
import { eachDialect } from './dialects'
import { driverSession } from './membership-fixtures'
import { queryRows } from './row-counts'

eachDialect('ID numbers per session', (registry, dialect) => {
  it('parallel submissions with different ID numbers: only the cap of them is looked at', async () => {
    const r = registry()
    const key = r.cli(['platform', 'create', '--name', '探测平台', '--id', 'P-CAP'])['secret_key'] as string
    const driver = await driverSession(r.baseUrl, key, 'cap-u1')
    const base = dialect === 'sqlite' ? 500 : 600
    // A union not offered for the region: each submission that passes the cap is refused after the lookup, leaving the session open.
    const submit = (i: number) =>
      driver.applications
        .submit({ applicant: { name: '赵探测', id_number: makeTestIdNumber({ regionCode: '320115', birthDate: '1980-01-01', sequence: String(base + i) }), mobile: '13922223333', employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_340104', consents: testConsents(), charter: testCharter() })
        .then(
          () => 'taken in',
          (e: { code?: string }) => e.code ?? 'error',
        )
    const outcomes = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(i)))
    expect(outcomes.filter((o) => o === 'org_not_offered')).toHaveLength(3)
    expect(outcomes.filter((o) => o === 'too_many_id_numbers')).toHaveLength(7)
    const [row] = await queryRows<{ tried_keys: string }>(r, `select tried_keys from sessions where id = '${driver.sessionId}'`)
    expect(JSON.parse(row?.tried_keys ?? '[]')).toHaveLength(3)
    // One of the admitted numbers again is not a new one; a fourth is refused.
    const admitted = outcomes.indexOf('org_not_offered')
    expect(await submit(admitted)).toBe('org_not_offered')
    expect(await submit(outcomes.indexOf('too_many_id_numbers'))).toBe('too_many_id_numbers')
  })
})
