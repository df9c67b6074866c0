/**
 * `createRegistryClient`: resources grouped stripe-style. A secret-key client (the platform's
 * backend) and a join-token client (the driver's app) are different types; calling a method
 * meant for the other is a type error, and a `wrong_credential` error at run time if forced.
 */
import { SdkError } from '../errors'
import type { Application, ApplicationStatus, ApplicationSubmit, VolunteerOffer } from '../contract/applications'
import type { Health } from '../contract/health'
import type { JoinSession, JoinSessionCreate } from '../contract/join-sessions'
import type { MemberService, SERVICE_KINDS } from '../contract/member-services'
import type { Region } from '../contract/regions'
import type { MatchRequest, Organisation, OrganisationMatch } from '../contract/organisations'
import { ROUTES } from '../contract/routes'
import type { Transfer, TransferRequest } from '../contract/transfers'
import type { HttpTransport } from '../http/transport'
import { type Platform, defaultPlatform } from '../platform'
import { type ClientContext, type RequestOptions, callRoute } from './request'

export interface List<T> {
  object: 'list'
  data: T[]
  has_more: boolean
  next_cursor: string | null
}

interface CommonOptions {
  /** e.g. 'https://registry.example.org' (no trailing /v1). */
  baseUrl: string
  /** How requests are sent: `createFetchTransport()`, `createAxiosTransport()`, `createTaroTransport()`. */
  transport: HttpTransport
  /** Per attempt. @default 15000 */
  timeoutMs?: number
  /** Retries after the first attempt. @default 2 */
  maxRetries?: number
  /** Language of `message`s in responses. @default 'zh-CN' */
  locale?: 'zh-CN' | 'en'
  /** Time, randomness and timers (tests pass fakes). */
  platform?: Platform
  onRetry?: ClientContext['onRetry']
}

export interface SecretKeyClientOptions extends CommonOptions {
  /** The platform's secret key: server-side only, never in an app. */
  secretKey: string
  joinToken?: never
  auth?: never
}

/** A driver's join token, and how to get a fresh one for the same session when it expires. */
export interface JoinTokenAuth {
  token: string
  /**
   * Ask the host's backend for a fresh join token (it calls `joinSessions.refresh`). Called once
   * when a call is refused with `expired_token` or `invalid_token`; the call is then sent again
   * with the same Idempotency-Key. Calls refused at the same moment share one refresh.
   */
  refresh?(): Promise<string>
}

export type JoinTokenClientOptions = CommonOptions & {
  secretKey?: never
  /** After `auth.refresh()` gave a new token (for the flow's TOKEN_REFRESHED event). */
  onTokenRefreshed?(): void
} & (
    | {
        /** A driver's short-lived join token, minted by the platform's backend (no refresh: see `auth`). */
        joinToken: string
        auth?: never
      }
    | { auth: JoinTokenAuth; joinToken?: never }
  )

type ListQuery = { status?: ApplicationStatus; limit?: number; starting_after?: string }
type ServiceQuery = { region?: string; membership?: 'member' | 'non_member'; kind?: (typeof SERVICE_KINDS)[number]; near?: { lat: number; lng: number } }
type OrgQuery = { q?: string; region_prefix?: string; limit?: number }

/** For the platform's backend. */
export interface SecretKeyClient {
  readonly credential: 'secret_key'
  health(): Promise<Health>
  joinSessions: {
    create(params: JoinSessionCreate, options?: RequestOptions): Promise<JoinSession>
    retrieve(id: string): Promise<JoinSession>
    refresh(id: string, options?: RequestOptions): Promise<JoinSession>
  }
  applications: {
    retrieve(id: string): Promise<Application>
    list(query?: ListQuery): Promise<List<Application>>
    withdraw(id: string, options?: RequestOptions): Promise<Application>
  }
  transfers: { retrieve(id: string): Promise<Transfer> }
  organisations: { search(query?: OrgQuery): Promise<List<Organisation>> }
  memberServices: { list(query?: ServiceQuery): Promise<List<MemberService>> }
  /** For the home-county picker: no parent → the pilot's provinces; '32' → its prefectures; '3201' → its counties. */
  regions: { list(query?: { parent?: string }): Promise<List<Region>> }
}

/** For the driver's app (the join flow). */
export interface JoinTokenClient {
  readonly credential: 'join_token'
  health(): Promise<Health>
  /** Swap in a refreshed join token (after `onTokenExpired`). */
  setJoinToken(token: string): void
  joinSessions: { retrieve(id: string): Promise<JoinSession> }
  applications: {
    submit(params: ApplicationSubmit, options?: RequestOptions): Promise<Application>
    retrieve(id: string): Promise<Application>
    /** The applicant offers to be a union activist or volunteer. */
    volunteer(id: string, params: VolunteerOffer, options?: RequestOptions): Promise<Application>
    withdraw(id: string, options?: RequestOptions): Promise<Application>
  }
  transfers: {
    request(params: TransferRequest, options?: RequestOptions): Promise<Transfer>
    retrieve(id: string): Promise<Transfer>
  }
  organisations: {
    match(params: MatchRequest, options?: RequestOptions): Promise<OrganisationMatch>
    search(query?: OrgQuery): Promise<List<Organisation>>
  }
  memberServices: { list(query?: ServiceQuery): Promise<List<MemberService>> }
  /** For the home-county picker: no parent → the pilot's provinces; '32' → its prefectures; '3201' → its counties. */
  regions: { list(query?: { parent?: string }): Promise<List<Region>> }
}

const str = (n: number | undefined) => (n === undefined ? undefined : String(n))

/**
 * @example
 * // platform backend
 * const registry = createRegistryClient({ baseUrl, secretKey: process.env.RUHUI_SECRET_KEY, transport: createFetchTransport() })
 * const session = await registry.joinSessions.create({ platform_user_id: driver.id })
 */
export function createRegistryClient(options: SecretKeyClientOptions): SecretKeyClient
export function createRegistryClient(options: JoinTokenClientOptions): JoinTokenClient
export function createRegistryClient(options: SecretKeyClientOptions | JoinTokenClientOptions): SecretKeyClient | JoinTokenClient {
  const { secretKey, auth } = options as { secretKey?: unknown; auth?: Partial<JoinTokenAuth> }
  const joinToken = auth !== undefined && (options as { joinToken?: unknown }).joinToken === undefined ? auth?.token : (options as { joinToken?: unknown }).joinToken
  if ([secretKey, (options as { joinToken?: unknown }).joinToken, auth].filter((v) => v !== undefined).length !== 1) {
    throw new SdkError('invalid_options', '[@ruhui/core] createRegistryClient needs exactly one of `secretKey` (platform backend), `auth: { token, refresh }` or `joinToken` (driver app)')
  }
  if (auth !== undefined && auth.refresh !== undefined && typeof auth.refresh !== 'function') throw new SdkError('invalid_options', '[@ruhui/core] auth.refresh must be a function')
  const credential = secretKey !== undefined ? { kind: 'secret_key' as const, value: secretKey } : { kind: 'join_token' as const, value: joinToken }
  if (typeof credential.value !== 'string' || credential.value === '') throw new SdkError('invalid_options', `[@ruhui/core] ${credential.kind.replace('_', ' ')} must be a non-empty string`)
  if (!/^https?:\/\/[^/]+/.test(options.baseUrl)) throw new SdkError('invalid_options', `[@ruhui/core] baseUrl must be absolute, got ${JSON.stringify(options.baseUrl)}`)
  if (typeof options.transport?.send !== 'function') throw new SdkError('invalid_options', '[@ruhui/core] transport is required, e.g. createFetchTransport()')

  const ctx: ClientContext = {
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    credential: credential as ClientContext['credential'],
    transport: options.transport,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries: options.maxRetries ?? 2,
    platform: options.platform ?? defaultPlatform,
    locale: options.locale ?? 'zh-CN',
  }
  if (options.onRetry) ctx.onRetry = options.onRetry
  if (auth?.refresh) {
    const refresh = auth.refresh.bind(auth) as () => Promise<string>
    ctx.refresh = refresh
    const onRefreshed = (options as { onTokenRefreshed?: () => void }).onTokenRefreshed
    if (onRefreshed) ctx.onTokenRefreshed = onRefreshed
  }

  // Both shapes share one implementation; the credential check in callRoute guards every call.
  const client = {
    credential: ctx.credential.kind,
    health: () => callRoute(ctx, ROUTES.health),
    setJoinToken(token: string) {
      if (ctx.credential.kind !== 'join_token') throw new SdkError('wrong_credential', '[@ruhui/core] setJoinToken is for join-token clients')
      if (typeof token !== 'string' || token === '') throw new SdkError('invalid_options', '[@ruhui/core] setJoinToken needs a token')
      ctx.credential = { kind: 'join_token', value: token }
    },
    joinSessions: {
      create: (body: JoinSessionCreate, o?: RequestOptions) => callRoute(ctx, ROUTES.createJoinSession, { body, ...(o ? { options: o } : {}) }),
      retrieve: (id: string) => callRoute(ctx, ROUTES.retrieveJoinSession, { id }),
      refresh: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.refreshJoinSession, { id, ...(o ? { options: o } : {}) }),
    },
    applications: {
      submit: (body: ApplicationSubmit, o?: RequestOptions) => callRoute(ctx, ROUTES.submitApplication, { body, ...(o ? { options: o } : {}) }),
      retrieve: (id: string) => callRoute(ctx, ROUTES.retrieveApplication, { id }),
      list: (q: ListQuery = {}) => callRoute(ctx, ROUTES.listApplications, { query: { status: q.status, limit: str(q.limit), starting_after: q.starting_after } }),
      withdraw: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.withdrawApplication, { id, ...(o ? { options: o } : {}) }),
      volunteer: (id: string, body: VolunteerOffer, o?: RequestOptions) => callRoute(ctx, ROUTES.volunteerApplication, { id, body, ...(o ? { options: o } : {}) }),
    },
    transfers: {
      request: (body: TransferRequest, o?: RequestOptions) => callRoute(ctx, ROUTES.requestTransfer, { body, ...(o ? { options: o } : {}) }),
      retrieve: (id: string) => callRoute(ctx, ROUTES.retrieveTransfer, { id }),
    },
    organisations: {
      match: (body: MatchRequest, o?: RequestOptions) => callRoute(ctx, ROUTES.matchOrganisations, { body, ...(o ? { options: o } : {}) }),
      search: (q: OrgQuery = {}) => callRoute(ctx, ROUTES.searchOrganisations, { query: { q: q.q, region_prefix: q.region_prefix, limit: str(q.limit) } }),
    },
    memberServices: {
      list: (q: ServiceQuery = {}) =>
        callRoute(ctx, ROUTES.listMemberServices, { query: { region: q.region, membership: q.membership, kind: q.kind, near: q.near ? `${q.near.lat},${q.near.lng}` : undefined } }),
    },
    regions: {
      list: (q: { parent?: string } = {}) => callRoute(ctx, ROUTES.listRegions, { query: { parent: q.parent } }),
    },
  }
  return client as unknown as SecretKeyClient | JoinTokenClient
}
