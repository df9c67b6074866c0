// Members and transfers made the way they happen: a driver submits through a platform's session,
// a Nanjing reviewer approves; the same person later submits in Hefei, is told to transfer and asks
// for it. Synthetic identities only (check digits computed by makeTestIdNumber).
import { type JoinTokenClient, createFetchTransport, createRegistryClient } from '@ruhui/core/client'
import { makeTestIdNumber, testCharter, testConsents } from '@ruhui/testing'

export interface Staff {
  /** A reviewer's call with its API key (or console token). */
  (path: string, init?: { method?: string; body?: unknown }): Promise<Response>
}

export function staffClient(baseUrl: string, key: string): Staff {
  return (path, init = {}) => fetch(`${baseUrl}${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}) })
}

export async function staffJson<T = Record<string, unknown>>(staff: Staff, path: string, body?: unknown): Promise<T> {
  const res = await staff(path, body === undefined ? {} : { body })
  const json = (await res.json()) as T
  if (!res.ok) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`)
  return json
}

export interface Person {
  name: string
  id_number: string
  mobile: string
}

/** A synthetic person; `n` (0–899) keeps ID numbers and mobiles apart between tests. */
export function person(n: number, name = '王测试'): Person {
  return { name, id_number: makeTestIdNumber({ regionCode: '320102', birthDate: '1984-06-0' + String(1 + (n % 9)), sequence: String(100 + n).padStart(3, '0') }), mobile: `139${String(10_000_000 + n * 7919).slice(-8)}` }
}

export async function driverSession(baseUrl: string, platformKey: string, platformUserId: string): Promise<JoinTokenClient & { sessionId: string }> {
  const platform = createRegistryClient({ baseUrl, secretKey: platformKey, transport: createFetchTransport() })
  const s = await platform.joinSessions.create({ platform_user_id: platformUserId })
  const driver = createRegistryClient({ baseUrl, joinToken: s.join_token as string, transport: createFetchTransport() })
  return Object.assign(driver, { sessionId: s.id })
}

/** Submits in Nanjing's Jiangning district (南京 江宁 new-form federation); returns the application id and the driver's session. */
export async function applyInNanjing(baseUrl: string, platformKey: string, who: Person, userId: string) {
  const driver = await driverSession(baseUrl, platformKey, userId)
  const app = await driver.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '320115' }, org_id: 'org_nf_320115', consents: testConsents(), charter: testCharter() })
  return { applicationId: app.id, driver }
}

export async function submitInNanjing(baseUrl: string, platformKey: string, who: Person, userId: string): Promise<string> {
  return (await applyInNanjing(baseUrl, platformKey, who, userId)).applicationId
}

/** A member of the Nanjing union (approved by `nanjing`); returns the application and the card number. */
export async function nanjingMember(baseUrl: string, platformKey: string, nanjing: Staff, who: Person, userId: string): Promise<{ applicationId: string; card: string }> {
  const applicationId = await submitInNanjing(baseUrl, platformKey, who, userId)
  const approved = await staffJson<{ member_card: { number: string } }>(nanjing, `/v1/review/applications/${applicationId}/approve`, {})
  return { applicationId, card: approved.member_card.number }
}

/** The member moves to Hefei (合肥 瑶海 new-form federation): a new session's submission is told to transfer, and asks. */
export async function requestMoveToHefei(baseUrl: string, platformKey: string, who: Person, userId: string): Promise<string> {
  const driver = await driverSession(baseUrl, platformKey, userId)
  const submitted = await driver.applications.submit({ applicant: { ...who, employment_form: 'platform_self_employed' }, base_region: { county: '340104' }, org_id: 'org_nf_340104', consents: testConsents(), charter: testCharter() }).then(
    () => 'submitted',
    (e: { code?: string }) => e.code,
  )
  if (submitted !== 'transfer_required') throw new Error(`expected transfer_required, got ${submitted}`)
  return (await driver.transfers.request({ to_org_id: 'org_nf_340104', reason: 'relocation' })).id
}
