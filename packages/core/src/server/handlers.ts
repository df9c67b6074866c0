/**
 * Handlers typed from the route: each receives the parsed body and query (`z.infer` of the
 * route's own schemas) and the caller of the route's credential kind, and must answer `z.infer`
 * of the route's response. A server supplies one per route name; the compiler checks the rest.
 */
import type { Locale } from '../enums'
import type { ROUTES, Route, RouteAuth, RouteName } from '../contract/routes'
import type { RouteBody, RouteQuery, RouteResponse } from '../contract/route-types'

export type { RouteBody, RouteQuery, RouteResponse }

/** What every server's caller has: the credential kind and a stable id (for idempotency scopes and rate limits). */
export interface CallerBase {
  kind: string
  id: string
  /** The language the caller asked for at session creation (join tokens), which wins over Accept-Language. */
  locale?: Locale
}

/** The caller a route admits: a platform's secret key, a driver's join token, either, or anyone. */
export type CallerFor<A extends RouteAuth, C extends CallerBase> = A extends 'secret_key'
  ? Extract<C, { kind: 'secret_key' }>
  : A extends 'join_token'
    ? Extract<C, { kind: 'join_token' }>
    : A extends 'either'
      ? Extract<C, { kind: 'secret_key' | 'join_token' }>
      : C

export interface HandlerInput<R extends Route, C extends CallerBase> {
  caller: CallerFor<R['auth'], C>
  /** The `{id}` of the path, decoded ('' when the path has none). */
  id: string
  body: RouteBody<R>
  query: RouteQuery<R>
  locale: Locale
  requestId: string
}

const REPLY = Symbol('ruhui.reply')

/** A success with a status other than the route's own (e.g. 200 for a join session handed back, 201 for a new one). */
export interface Reply<T> {
  readonly [REPLY]: true
  status: 200 | 201
  body: T
}

export function reply<T>(status: 200 | 201, body: T): Reply<T> {
  return { [REPLY]: true, status, body }
}

export function isReply(v: unknown): v is Reply<unknown> {
  return typeof v === 'object' && v !== null && REPLY in v
}

/** The route's response, or (where the route has one) the platform's own view for a secret key. */
type Answer<R extends Route> = RouteResponse<R> | (R extends { platformResponse: infer P } ? (P extends Route['response'] ? PlatformAnswer<P> : never) : never)
type PlatformAnswer<P> = P extends { _zod: { output: infer O } } ? O : never

export type Handler<R extends Route, C extends CallerBase> = (input: HandlerInput<R, C>) => Promise<Answer<R> | Reply<Answer<R>>> | Answer<R> | Reply<Answer<R>>

export type Handlers<C extends CallerBase> = { [N in RouteName]: Handler<(typeof ROUTES)[N], C> }

/** The status and body of a handler's answer. */
export function toReply(route: Route, value: unknown): { status: number; body: unknown } {
  return isReply(value) ? { status: value.status, body: value.body } : { status: route.status, body: value }
}
