/**
 * The example platform's own backend calls (examples/platform-backend): it mints the driver's
 * join session with the platform's secret key, which never reaches the app.
 */
import { ENV_TYPE, getEnv, getStorageSync, request, setStorageSync } from '@tarojs/taro'
import type { JoinSessionCreate } from '@ruhui/core/contract'

function fromQuery(name: string): string | null {
  if (getEnv() !== ENV_TYPE.WEB || typeof window === 'undefined') return null
  return new URLSearchParams(window.location.search).get(name)
}

export function registryUrl(): string {
  return fromQuery('registry') ?? (RUHUI_REGISTRY_URL || (typeof window !== 'undefined' ? window.location.origin : ''))
}

export function platformUrl(): string {
  return fromQuery('platform') ?? RUHUI_PLATFORM_URL
}

/** The platform's own sign-in decides who the driver is; the demo keeps one id per device (h5: `?driver=` picks one). */
export function driverId(): string {
  const asked = fromQuery('driver')
  if (asked && /^[A-Za-z0-9_-]{1,64}$/.test(asked)) return asked
  const saved = getStorageSync('demo.driverId') as string
  if (saved) return saved
  const id = `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  setStorageSync('demo.driverId', id)
  return id
}

export interface JoinSessionGrant {
  sessionId: string
  joinToken: string
  /** What the platform already verified about the driver (the session's `prefill`): the flow shows it read-only. */
  prefill?: JoinSessionCreate['prefill']
}

async function post(path: string): Promise<JoinSessionGrant> {
  const res = await request({ url: `${platformUrl()}${path}`, method: 'POST', header: { 'content-type': 'application/json' }, data: '{}', dataType: 'json' })
  const body = res.data as { session_id?: string; join_token?: string; prefill?: JoinSessionCreate['prefill']; error?: { message?: string } }
  if (res.statusCode !== 200 || !body.session_id || !body.join_token) throw new Error(body.error?.message ?? `平台服务暂不可用（${res.statusCode}）`)
  return { sessionId: body.session_id, joinToken: body.join_token, ...(body.prefill ? { prefill: body.prefill } : {}) }
}

export const createJoinSession = () => post(`/api/drivers/${driverId()}/join-session`)

/** The platform's facial verification of this driver, run by its backend (a host capability of the flow). */
export async function faceCheck(): Promise<{ passed: boolean; verifiedAt?: string }> {
  const res = await request({ url: `${platformUrl()}/api/drivers/${driverId()}/face-check`, method: 'POST', header: { 'content-type': 'application/json' }, data: '{}', dataType: 'json' })
  const body = res.data as { passed?: boolean; verified_at?: string }
  return { passed: res.statusCode === 200 && body.passed === true, ...(body.verified_at ? { verifiedAt: body.verified_at } : {}) }
}
/** WeChat's getPhoneNumber code, exchanged by the platform's backend for the driver's verified mobile (a host capability). */
export async function phoneFromCode(code: string): Promise<{ mobile: string; verifiedAt?: string }> {
  const res = await request({ url: `${platformUrl()}/api/drivers/${driverId()}/phone-number`, method: 'POST', header: { 'content-type': 'application/json' }, data: JSON.stringify({ code }), dataType: 'json' })
  const body = res.data as { mobile?: string; verified_at?: string; error?: { message?: string } }
  if (res.statusCode !== 200 || !body.mobile) throw new Error(body.error?.message ?? `平台服务暂不可用（${res.statusCode}）`)
  return { mobile: body.mobile, ...(body.verified_at ? { verifiedAt: body.verified_at } : {}) }
}
export const refreshJoinToken = (sessionId: string) => post(`/api/join-sessions/${sessionId}/refresh`).then((g) => g.joinToken)

export interface DriverHome {
  id: string
  name: string
  summary: string
  address: string
  distance_m: number | null
}

/** 司机之家 near a location, nearest first (the platform's backend asks the registry). */
export async function driverHomesNear(lat: number, lng: number): Promise<DriverHome[]> {
  const res = await request({ url: `${platformUrl()}/api/driver-homes?lat=${lat}&lng=${lng}`, method: 'GET', dataType: 'json' })
  const body = res.data as { data?: DriverHome[]; error?: { message?: string } }
  if (res.statusCode !== 200 || !body.data) throw new Error(body.error?.message ?? `平台服务暂不可用（${res.statusCode}）`)
  return body.data
}
