/** Each route's summary for the OpenAPI document, in Chinese and English: words no client needs at run time. */
import type { RouteName } from './routes'

export const ROUTE_SUMMARIES: Record<RouteName, string> = {
  health: '健康检查 Health check',
  createJoinSession: '为一位司机创建入会会话（同一平台用户幂等） Create a join session for a driver (idempotent per platform user)',
  retrieveJoinSession: '查询入会会话 Retrieve a join session',
  refreshJoinSession: '为同一会话换发入会令牌 Mint a fresh join token for the same session',
  submitApplication: '提交入会申请 Submit a membership application',
  retrieveApplication: '查询申请状态 Retrieve an application',
  listApplications: '列出本平台的申请 List the platform’s applications',
  volunteerApplication: '申请人报名成为工会积极分子或志愿者 The applicant offers to be a union activist or volunteer',
  withdrawApplication: '撤回申请 Withdraw an application',
  requestTransfer: '申请转接会员组织关系 Request a membership transfer',
  retrieveTransfer: '查询转接 Retrieve a transfer',
  matchOrganisations: '为本会话的司机匹配工会 Match unions for the session’s driver',
  searchOrganisations: '搜索工会组织 Search organisations',
  listRegions: '常驻地选择：试点省份、省内地级市、市内区县 Regions for the home-county picker',
  listParks: '某区县的物流园区（司机可选填常在哪个园区装卸货） Logistics parks of a county',
  listMemberServices: '按地区和会员身份列出会员服务 List member services by region and membership',
}
