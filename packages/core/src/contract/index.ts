/**
 * `@ruhui/core/contract`: the registry API, defined once as zod/mini schemas (snake_case on
 * the wire). The client, the OpenAPI document, the sandbox and the registry all use it.
 */
export { API_VERSION, API_VERSION_HEADER, ID_PREFIXES, toChinaTime, timestamp, prefixedId, baseRegion, employmentForm, locale, reason, listOf } from './common'
export type { Reason, BaseRegion } from './common'
export { ERROR_CODES, ERROR_TYPES, errorBody, makeErrorBody } from './errors'
export type { ErrorCode, ErrorCodeInfo, ErrorType, ErrorBody } from './errors'
export { joinSession, joinSessionCreate } from './join-sessions'
export type { JoinSession, JoinSessionCreate } from './join-sessions'
export { APPLICATION_STATUSES, application, applicationSubmit, applicationListQuery, consent, memberCard } from './applications'
export type { Application, ApplicationSubmit, ApplicationStatus, Consent } from './applications'
export { TRANSFER_STATUSES, TRANSFER_REASONS, transfer, transferRequest } from './transfers'
export type { Transfer, TransferRequest } from './transfers'
export { matchRequest, organisationMatch, organisation, organisationList, organisationSearchQuery } from './organisations'
export type { MatchRequest, OrganisationMatch, Organisation } from './organisations'
export { SERVICE_KINDS, memberService, memberServiceList, memberServiceQuery } from './member-services'
export type { MemberService } from './member-services'
export { EVENT_TYPES, event } from './events'
export type { RegistryEvent, EventType } from './events'
export { health } from './health'
export type { Health } from './health'
export { ROUTES } from './routes'
export type { Route, RouteAuth, RouteName } from './routes'
