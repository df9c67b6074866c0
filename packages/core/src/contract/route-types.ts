/** Types taken from a route of `ROUTES`: what its body and query are, and what it answers (`z.infer` of its own schemas). */
import type * as z from 'zod/mini'
import type { ROUTES, Route, RouteName } from './routes'

type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined
type In<S> = S extends z.ZodMiniType ? z.input<S> : undefined

/** The body a server receives, parsed. */
export type RouteBody<R extends Route> = R extends { body: infer B } ? Out<B> : undefined
/** The query a server receives, parsed. */
export type RouteQuery<R extends Route> = R extends { query: infer Q } ? Out<Q> : undefined
/** What a route answers. */
export type RouteResponse<R extends Route> = z.output<R['response']>
/** The body a caller sends. */
export type RouteBodyInput<R extends Route> = R extends { body: infer B } ? In<B> : undefined
/** The query a caller sends. */
export type RouteQueryInput<R extends Route> = R extends { query: infer Q } ? In<Q> : undefined

/** The same, by route name. */
export type ResponseOf<N extends RouteName> = RouteResponse<(typeof ROUTES)[N]>
export type BodyOf<N extends RouteName> = RouteBodyInput<(typeof ROUTES)[N]>
export type QueryOf<N extends RouteName> = RouteQueryInput<(typeof ROUTES)[N]>
/** What the platform's secret key receives from a route (its own view where the route has one). */
export type PlatformResponseOf<N extends RouteName> = (typeof ROUTES)[N] extends { platformResponse: infer P } ? (P extends z.ZodMiniType ? z.output<P> : never) : ResponseOf<N>
