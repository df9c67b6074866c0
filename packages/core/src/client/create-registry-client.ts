/**
 * `createRegistryClient`: resources grouped stripe-style. A secret-key client (the platform's
 * backend) and a join-token client (the driver's app) are different types; calling a method
 * meant for the other is a type error, and a `wrong_credential` error at run time if forced.
 */
import { SdkError } from '../errors'
import type { BodyOf, PlatformResponseOf, QueryOf, ResponseOf } from '../contract/route-types'
import { ROUTES } from '../contract/routes'
import type { HttpTransport } from '../http/transport'
import { type Platform, defaultPlatform } from '../platform'
import { type ClientContext, type RequestOptions, callRoute } from './request'

/** A page of a list, as every list route answers. */
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

// Queries travel as strings; the client takes numbers and a location where people think in them.
type ListQuery = Omit<NonNullable<QueryOf<'listApplications'>>, 'limit'> & { limit?: number }
type ServiceQuery = Omit<NonNullable<QueryOf<'listMemberServices'>>, 'near'> & { near?: { lat: number; lng: number } }
type OrgQuery = Omit<NonNullable<QueryOf<'searchOrganisations'>>, 'limit'> & { limit?: number }
type RegionQuery = NonNullable<QueryOf<'listRegions'>>

/** Every call's parameters and result come from its route in `ROUTES` (`z.input` of the body, `z.infer` of the response). */
type Call<N extends keyof typeof ROUTES> = (params: BodyOf<N>, options?: RequestOptions) => Promise<ResponseOf<N>>
type ById<N extends keyof typeof ROUTES> = (id: string, options?: RequestOptions) => Promise<ResponseOf<N>>
type ByIdWith<N extends keyof typeof ROUTES> = (id: string, params: BodyOf<N>, options?: RequestOptions) => Promise<ResponseOf<N>>

/** For the platform's backend. */
export interface SecretKeyClient {
  readonly credential: 'secret_key'
  health(): Promise<ResponseOf<'health'>>
  joinSessions: { create: Call<'createJoinSession'>; retrieve: ById<'retrieveJoinSession'>; refresh: ById<'refreshJoinSession'> }
  /** The platform's view: status, a refusal's reason code, and `membership` only with the driver's consent. Only the driver withdraws (入会自愿). */
  applications: { retrieve(id: string, options?: RequestOptions): Promise<PlatformResponseOf<'retrieveApplication'>>; list(query?: ListQuery): Promise<ResponseOf<'listApplications'>> }
  /** The platform's view of a transfer: its status, not between which unions. */
  transfers: { retrieve(id: string, options?: RequestOptions): Promise<PlatformResponseOf<'retrieveTransfer'>> }
  organisations: { search(query?: OrgQuery): Promise<ResponseOf<'searchOrganisations'>> }
  memberServices: { list(query?: ServiceQuery): Promise<ResponseOf<'listMemberServices'>> }
  /** For the home-region picker: no parent → the pilot's provinces; '32' → its prefectures; '3201' → its counties; '320115' → its townships; q → type-ahead ('hf' → 合肥市). */
  regions: { list(query?: RegionQuery): Promise<ResponseOf<'listRegions'>> }
  /** The logistics parks of a county (where a driver mostly loads or unloads; optional). */
  parks: { list(query: NonNullable<QueryOf<'listParks'>>): Promise<ResponseOf<'listParks'>> }
  /** The published consent texts and the charter declaration (current versions, with their hashes). */
  consentTexts: { list(options?: RequestOptions): Promise<ResponseOf<'listConsentTexts'>> }
  /** Check a member card's QR payload with the registry (valid / revoked / unknown). */
  cards: { verify(payload: string, options?: RequestOptions): Promise<ResponseOf<'verifyCard'>> }
}

/** For the driver's app (the join flow). */
export interface JoinTokenClient {
  readonly credential: 'join_token'
  health(): Promise<ResponseOf<'health'>>
  /** Swap in a refreshed join token yourself (with `auth.refresh` the client does it). */
  setJoinToken(token: string): void
  joinSessions: { retrieve: ById<'retrieveJoinSession'> }
  applications: {
    submit: Call<'submitApplication'>
    retrieve: ById<'retrieveApplication'>
    /** The applicant offers to be a union activist or volunteer. */
    volunteer: ByIdWith<'volunteerApplication'>
    withdraw: ById<'withdrawApplication'>
    /** Answer the reviewer's request for information (fields and upload ids); the application returns to review. */
    respond: ByIdWith<'respondToApplication'>
  }
  /** A photo the reviewer asked for (JPEG/PNG, base64, at most 2 MiB), for one of the driver's applications. */
  uploads: { create: Call<'createUpload'> }
  /** The member centre (我的会籍): the driver's own membership and actions. */
  membership: {
    retrieve(options?: RequestOptions): Promise<ResponseOf<'retrieveMembership'>>
    updateProfile: Call<'updateMembershipProfile'>
    transferOptions: Call<'membershipTransferOptions'>
    transfer: Call<'requestMembershipTransfer'>
    leave: Call<'requestLeave'>
    cancelLeave(options?: RequestOptions): Promise<ResponseOf<'cancelLeave'>>
  }
  /** Check a member card's QR payload with the registry (valid / revoked / unknown). */
  cards: { verify(payload: string, options?: RequestOptions): Promise<ResponseOf<'verifyCard'>> }
  transfers: { request: Call<'requestTransfer'>; retrieve: ById<'retrieveTransfer'> }
  organisations: { match: Call<'matchOrganisations'>; search(query?: OrgQuery): Promise<ResponseOf<'searchOrganisations'>> }
  memberServices: { list(query?: ServiceQuery): Promise<ResponseOf<'listMemberServices'>> }
  /** For the home-region picker: no parent → the pilot's provinces; '32' → its prefectures; '3201' → its counties; '320115' → its townships; q → type-ahead ('hf' → 合肥市). */
  regions: { list(query?: RegionQuery): Promise<ResponseOf<'listRegions'>> }
  /** The logistics parks of a county (where a driver mostly loads or unloads; optional). */
  parks: { list(query: NonNullable<QueryOf<'listParks'>>): Promise<ResponseOf<'listParks'>> }
  /** The published consent texts and the charter declaration (current versions, with their hashes). */
  consentTexts: { list(options?: RequestOptions): Promise<ResponseOf<'listConsentTexts'>> }
  /** The driver's own consents; `withdraw` takes back an optional one (share_with_partners, share_membership_with_platform) at any time. */
  consents: { retrieve(options?: RequestOptions): Promise<ResponseOf<'retrieveConsents'>>; withdraw: Call<'withdrawConsent'> }
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
      create: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.createJoinSession, { body, ...(o ? { options: o } : {}) }),
      retrieve: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.retrieveJoinSession, { id, ...(o ? { options: o } : {}) }),
      refresh: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.refreshJoinSession, { id, ...(o ? { options: o } : {}) }),
    },
    applications: {
      submit: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.submitApplication, { body, ...(o ? { options: o } : {}) }),
      retrieve: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.retrieveApplication, { id, ...(o ? { options: o } : {}) }),
      list: (q: ListQuery = {}) => callRoute(ctx, ROUTES.listApplications, { query: { status: q.status, limit: str(q.limit), starting_after: q.starting_after } }),
      withdraw: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.withdrawApplication, { id, ...(o ? { options: o } : {}) }),
      volunteer: (id: string, body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.volunteerApplication, { id, body, ...(o ? { options: o } : {}) }),
      respond: (id: string, body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.respondToApplication, { id, body, ...(o ? { options: o } : {}) }),
    },
    uploads: {
      create: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.createUpload, { body, ...(o ? { options: o } : {}) }),
    },
    membership: {
      retrieve: (o?: RequestOptions) => callRoute(ctx, ROUTES.retrieveMembership, o ? { options: o } : {}),
      updateProfile: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.updateMembershipProfile, { body, ...(o ? { options: o } : {}) }),
      transferOptions: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.membershipTransferOptions, { body, ...(o ? { options: o } : {}) }),
      transfer: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.requestMembershipTransfer, { body, ...(o ? { options: o } : {}) }),
      leave: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.requestLeave, { body, ...(o ? { options: o } : {}) }),
      cancelLeave: (o?: RequestOptions) => callRoute(ctx, ROUTES.cancelLeave, o ? { options: o } : {}),
    },
    cards: {
      verify: (payload: string, o?: RequestOptions) => callRoute(ctx, ROUTES.verifyCard, { query: { payload }, ...(o ? { options: o } : {}) }),
    },
    transfers: {
      request: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.requestTransfer, { body, ...(o ? { options: o } : {}) }),
      retrieve: (id: string, o?: RequestOptions) => callRoute(ctx, ROUTES.retrieveTransfer, { id, ...(o ? { options: o } : {}) }),
    },
    organisations: {
      match: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.matchOrganisations, { body, ...(o ? { options: o } : {}) }),
      search: (q: OrgQuery = {}) => callRoute(ctx, ROUTES.searchOrganisations, { query: { q: q.q, region_prefix: q.region_prefix, limit: str(q.limit) } }),
    },
    memberServices: {
      list: (q: ServiceQuery = {}) =>
        callRoute(ctx, ROUTES.listMemberServices, { query: { region: q.region, membership: q.membership, kind: q.kind, near: q.near ? `${q.near.lat},${q.near.lng}` : undefined } }),
    },
    regions: {
      list: (q: RegionQuery = {}) => callRoute(ctx, ROUTES.listRegions, { query: { parent: q.parent, q: q.q } }),
    },
    parks: {
      list: (q: { county: string }) => callRoute(ctx, ROUTES.listParks, { query: { county: q.county } }),
    },
    consentTexts: {
      list: (o?: RequestOptions) => callRoute(ctx, ROUTES.listConsentTexts, o ? { options: o } : {}),
    },
    consents: {
      retrieve: (o?: RequestOptions) => callRoute(ctx, ROUTES.retrieveConsents, o ? { options: o } : {}),
      withdraw: (body: unknown, o?: RequestOptions) => callRoute(ctx, ROUTES.withdrawConsent, { body, ...(o ? { options: o } : {}) }),
    },
  }
  return client as unknown as SecretKeyClient | JoinTokenClient
}
