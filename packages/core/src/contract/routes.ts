/**
 * Every endpoint of the registry API, described once: the client builds its calls from
 * it, the OpenAPI document is generated from it, and the sandbox and the registry serve it.
 * Their words for the document are in route-docs.ts (kept out of the client's bundle).
 */
import type * as z from 'zod/mini'
import { application, applicationListQuery, applicationSubmit, platformApplication, volunteerOffer } from './applications'
import { listOf } from './common'
import { consentState, consentTextList, consentWithdrawal } from './consent-texts'
import { health } from './health'
import { joinSession, joinSessionCreate } from './join-sessions'
import { memberServiceList, memberServiceQuery } from './member-services'
import { regionList, regionListQuery } from './regions'
import { matchRequest, organisationList, organisationMatch, organisationSearchQuery, parkList, parkListQuery } from './organisations'
import { platformTransfer, transfer, transferRequest } from './transfers'
import { cardVerification, cardVerifyQuery } from './cards'
import { applicationResponse } from './information-requests'
import { leaveRequestCreate, memberTransferRequest, membership, membershipProfileUpdate, transferOptionsRequest } from './membership'
import { MAX_UPLOAD_BODY_BYTES, upload, uploadCreate } from './uploads'

/** Who may call: the platform's secret key, a driver's join token, either, or anyone. */
export type RouteAuth = 'secret_key' | 'join_token' | 'either' | 'none'

export interface Route {
  /** Stable operation id, e.g. 'applications.submit'. */
  name: string
  method: 'GET' | 'POST'
  /** With `{id}` placeholders. */
  path: string
  auth: RouteAuth
  body?: z.ZodMiniType
  query?: z.ZodMiniType
  response: z.ZodMiniType
  /** HTTP status of success. */
  status: 200 | 201
  /** What the platform's secret key receives instead of `response` (its view: status, not membership). */
  platformResponse?: z.ZodMiniType
  /** The driver's own decision (入会自愿): a secret key is refused with 403 `permission_denied`. */
  driverOnly?: true
  /** A larger body limit than the server's default (uploads). */
  maxBodyBytes?: number
}

const route = <R extends Route>(r: R): R => r

export const ROUTES = {
  health: route({ name: 'health', method: 'GET', path: '/v1/health', auth: 'none', response: health, status: 200 }),
  createJoinSession: route({
    name: 'joinSessions.create',
    method: 'POST',
    path: '/v1/join-sessions',
    auth: 'secret_key',
    body: joinSessionCreate,
    response: joinSession,
    status: 201,
  }),
  retrieveJoinSession: route({ name: 'joinSessions.retrieve', method: 'GET', path: '/v1/join-sessions/{id}', auth: 'either', response: joinSession, status: 200 }),
  refreshJoinSession: route({
    name: 'joinSessions.refresh',
    method: 'POST',
    path: '/v1/join-sessions/{id}/refresh',
    auth: 'secret_key',
    response: joinSession,
    status: 200,
  }),
  submitApplication: route({
    name: 'applications.submit',
    method: 'POST',
    path: '/v1/applications',
    auth: 'join_token',
    body: applicationSubmit,
    response: application,
    status: 201,
  }),
  retrieveApplication: route({
    name: 'applications.retrieve',
    method: 'GET',
    path: '/v1/applications/{id}',
    auth: 'either',
    response: application,
    platformResponse: platformApplication,
    status: 200,
  }),
  listApplications: route({
    name: 'applications.list',
    method: 'GET',
    path: '/v1/applications',
    auth: 'secret_key',
    query: applicationListQuery,
    response: listOf(platformApplication),
    status: 200,
  }),
  volunteerApplication: route({
    name: 'applications.volunteer',
    method: 'POST',
    path: '/v1/applications/{id}/volunteer',
    auth: 'join_token',
    body: volunteerOffer,
    response: application,
    status: 200,
  }),
  withdrawApplication: route({ name: 'applications.withdraw', method: 'POST', path: '/v1/applications/{id}/withdraw', auth: 'join_token', driverOnly: true, response: application, status: 200 }),
  requestTransfer: route({
    name: 'transfers.request',
    method: 'POST',
    path: '/v1/transfers',
    auth: 'join_token',
    body: transferRequest,
    response: transfer,
    status: 201,
  }),
  retrieveTransfer: route({ name: 'transfers.retrieve', method: 'GET', path: '/v1/transfers/{id}', auth: 'either', response: transfer, platformResponse: platformTransfer, status: 200 }),
  matchOrganisations: route({
    name: 'organisations.match',
    method: 'POST',
    path: '/v1/organisations/match',
    auth: 'join_token',
    body: matchRequest,
    response: organisationMatch,
    status: 200,
  }),
  searchOrganisations: route({
    name: 'organisations.search',
    method: 'GET',
    path: '/v1/organisations',
    auth: 'either',
    query: organisationSearchQuery,
    response: organisationList,
    status: 200,
  }),
  listRegions: route({
    name: 'regions.list',
    method: 'GET',
    path: '/v1/regions',
    auth: 'either',
    query: regionListQuery,
    response: regionList,
    status: 200,
  }),
  listParks: route({
    name: 'parks.list',
    method: 'GET',
    path: '/v1/parks',
    auth: 'either',
    query: parkListQuery,
    response: parkList,
    status: 200,
  }),
  listMemberServices: route({
    name: 'memberServices.list',
    method: 'GET',
    path: '/v1/member-services',
    auth: 'either',
    query: memberServiceQuery,
    response: memberServiceList,
    status: 200,
  }),
  listConsentTexts: route({ name: 'consentTexts.list', method: 'GET', path: '/v1/consent-texts', auth: 'either', response: consentTextList, status: 200 }),
  // Issue #13: the driver's own consents; the optional ones may be withdrawn at any time (the basic ones: leaving the union).
  retrieveConsents: route({ name: 'consents.retrieve', method: 'GET', path: '/v1/consents', auth: 'join_token', response: consentState, status: 200 }),
  withdrawConsent: route({ name: 'consents.withdraw', method: 'POST', path: '/v1/consents/withdraw', auth: 'join_token', driverOnly: true, body: consentWithdrawal, response: consentState, status: 200 }),
  // Issue #16: the member's own view and actions (join token of a session linked to the member).
  retrieveMembership: route({ name: 'membership.retrieve', method: 'GET', path: '/v1/me/membership', auth: 'join_token', response: membership, status: 200 }),
  updateMembershipProfile: route({
    name: 'membership.updateProfile',
    method: 'POST',
    path: '/v1/me/membership/profile',
    auth: 'join_token',
    body: membershipProfileUpdate,
    response: membership,
    status: 200,
  }),
  membershipTransferOptions: route({
    name: 'membership.transferOptions',
    method: 'POST',
    path: '/v1/me/membership/transfer-options',
    auth: 'join_token',
    body: transferOptionsRequest,
    response: organisationMatch,
    status: 200,
  }),
  requestMembershipTransfer: route({
    name: 'membership.transfer',
    method: 'POST',
    path: '/v1/me/membership/transfer',
    auth: 'join_token',
    body: memberTransferRequest,
    response: transfer,
    status: 201,
  }),
  requestLeave: route({ name: 'membership.leave', method: 'POST', path: '/v1/me/membership/leave', auth: 'join_token', body: leaveRequestCreate, response: membership, status: 200 }),
  cancelLeave: route({ name: 'membership.cancelLeave', method: 'POST', path: '/v1/me/membership/leave/cancel', auth: 'join_token', response: membership, status: 200 }),
  // Issue #16: the review loop, driver side.
  respondToApplication: route({
    name: 'applications.respond',
    method: 'POST',
    path: '/v1/applications/{id}/respond',
    auth: 'join_token',
    body: applicationResponse,
    response: application,
    status: 200,
  }),
  createUpload: route({ name: 'uploads.create', method: 'POST', path: '/v1/uploads', auth: 'join_token', body: uploadCreate, response: upload, status: 201, maxBodyBytes: MAX_UPLOAD_BODY_BYTES }),
  // Issue #16: anyone may check a member card (rate-limited per address).
  verifyCard: route({ name: 'cards.verify', method: 'GET', path: '/v1/cards/verify', auth: 'none', query: cardVerifyQuery, response: cardVerification, status: 200 }),
} as const

export type RouteName = keyof typeof ROUTES
