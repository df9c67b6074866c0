/**
 * Every endpoint of the registry API, described once: the client builds its calls from
 * it, the OpenAPI document is generated from it, and the sandbox and the registry serve it.
 */
import type * as z from 'zod/mini'
import { application, applicationListQuery, applicationSubmit, volunteerOffer } from './applications'
import { listOf } from './common'
import { health } from './health'
import { joinSession, joinSessionCreate } from './join-sessions'
import { memberServiceList, memberServiceQuery } from './member-services'
import { regionList, regionListQuery } from './regions'
import { matchRequest, organisationList, organisationMatch, organisationSearchQuery, parkList, parkListQuery } from './organisations'
import { transfer, transferRequest } from './transfers'

/** Who may call: the platform's secret key, a driver's join token, either, or anyone. */
export type RouteAuth = 'secret_key' | 'join_token' | 'either' | 'none'

export interface Route {
  /** Stable operation id, e.g. 'applications.submit'. */
  name: string
  method: 'GET' | 'POST'
  /** With `{id}` placeholders. */
  path: string
  auth: RouteAuth
  summary: string
  body?: z.ZodMiniType
  query?: z.ZodMiniType
  response: z.ZodMiniType
  /** HTTP status of success. */
  status: 200 | 201
}

const route = <R extends Route>(r: R): R => r

export const ROUTES = {
  health: route({ name: 'health', method: 'GET', path: '/v1/health', auth: 'none', summary: '健康检查 Health check', response: health, status: 200 }),
  createJoinSession: route({
    name: 'joinSessions.create',
    method: 'POST',
    path: '/v1/join-sessions',
    auth: 'secret_key',
    summary: '为一位司机创建入会会话（同一平台用户幂等） Create a join session for a driver (idempotent per platform user)',
    body: joinSessionCreate,
    response: joinSession,
    status: 201,
  }),
  retrieveJoinSession: route({ name: 'joinSessions.retrieve', method: 'GET', path: '/v1/join-sessions/{id}', auth: 'either', summary: '查询入会会话 Retrieve a join session', response: joinSession, status: 200 }),
  refreshJoinSession: route({
    name: 'joinSessions.refresh',
    method: 'POST',
    path: '/v1/join-sessions/{id}/refresh',
    auth: 'secret_key',
    summary: '为同一会话换发入会令牌 Mint a fresh join token for the same session',
    response: joinSession,
    status: 200,
  }),
  submitApplication: route({
    name: 'applications.submit',
    method: 'POST',
    path: '/v1/applications',
    auth: 'join_token',
    summary: '提交入会申请 Submit a membership application',
    body: applicationSubmit,
    response: application,
    status: 201,
  }),
  retrieveApplication: route({ name: 'applications.retrieve', method: 'GET', path: '/v1/applications/{id}', auth: 'either', summary: '查询申请状态 Retrieve an application', response: application, status: 200 }),
  listApplications: route({
    name: 'applications.list',
    method: 'GET',
    path: '/v1/applications',
    auth: 'secret_key',
    summary: '列出本平台的申请 List the platform’s applications',
    query: applicationListQuery,
    response: listOf(application),
    status: 200,
  }),
  volunteerApplication: route({
    name: 'applications.volunteer',
    method: 'POST',
    path: '/v1/applications/{id}/volunteer',
    auth: 'join_token',
    summary: '申请人报名成为工会积极分子或志愿者 The applicant offers to be a union activist or volunteer',
    body: volunteerOffer,
    response: application,
    status: 200,
  }),
  withdrawApplication: route({ name: 'applications.withdraw', method: 'POST', path: '/v1/applications/{id}/withdraw', auth: 'either', summary: '撤回申请 Withdraw an application', response: application, status: 200 }),
  requestTransfer: route({
    name: 'transfers.request',
    method: 'POST',
    path: '/v1/transfers',
    auth: 'join_token',
    summary: '申请转接会员组织关系 Request a membership transfer',
    body: transferRequest,
    response: transfer,
    status: 201,
  }),
  retrieveTransfer: route({ name: 'transfers.retrieve', method: 'GET', path: '/v1/transfers/{id}', auth: 'either', summary: '查询转接 Retrieve a transfer', response: transfer, status: 200 }),
  matchOrganisations: route({
    name: 'organisations.match',
    method: 'POST',
    path: '/v1/organisations/match',
    auth: 'join_token',
    summary: '为本会话的司机匹配工会 Match unions for the session’s driver',
    body: matchRequest,
    response: organisationMatch,
    status: 200,
  }),
  searchOrganisations: route({
    name: 'organisations.search',
    method: 'GET',
    path: '/v1/organisations',
    auth: 'either',
    summary: '搜索工会组织 Search organisations',
    query: organisationSearchQuery,
    response: organisationList,
    status: 200,
  }),
  listRegions: route({
    name: 'regions.list',
    method: 'GET',
    path: '/v1/regions',
    auth: 'either',
    summary: '常驻地选择：试点省份、省内地级市、市内区县 Regions for the home-county picker',
    query: regionListQuery,
    response: regionList,
    status: 200,
  }),
  listParks: route({
    name: 'parks.list',
    method: 'GET',
    path: '/v1/parks',
    auth: 'either',
    summary: '某区县的物流园区（司机可选填常在哪个园区装卸货） Logistics parks of a county',
    query: parkListQuery,
    response: parkList,
    status: 200,
  }),
  listMemberServices: route({
    name: 'memberServices.list',
    method: 'GET',
    path: '/v1/member-services',
    auth: 'either',
    summary: '按地区和会员身份列出会员服务 List member services by region and membership',
    query: memberServiceQuery,
    response: memberServiceList,
    status: 200,
  }),
} as const

export type RouteName = keyof typeof ROUTES
