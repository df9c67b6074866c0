/**
 * `@ruhui/core/server`: what a server of the registry API needs beyond the contract — the one
 * dispatcher for `ROUTES` with handlers typed from each route, the error shape in the caller's
 * language, and the steps from a submission to the rules. The registry and the sandbox use it.
 */
export { createApiServer, findRoute } from './dispatch'
export type { ApiServer, ApiServerOptions, IdempotencyStore, IncomingCall, RouteHit, StoredReply } from './dispatch'
export { errorReply, localeFromHeader } from './error-reply'
export type { ServerReply } from './error-reply'
export { reply, isReply, toReply } from './handlers'
export type { CallerBase, CallerFor, Handler, HandlerInput, Handlers, Reply, RouteBody, RouteQuery, RouteResponse } from './handlers'
export { Refusal, payloadTooLarge } from './refusal'
export { searchOrganisations } from './organisation-search'
export { listParks } from './parks'
export type { RefusalExtra } from './refusal'
export { applicantProfile, applicantParam, matchRequestInput, platformMatchInput, submissionMatchInput } from './submission'
export type { CallerPlatform } from './submission'
export { toOrganisationMatchWire } from './organisation-match-wire'
