import { type MemberService, type MemberServiceQuery, selectServices } from '@ruhui/core/contract'

// Fictitious services for the sandbox, after the kinds the notice names.
export const SANDBOX_SERVICES: MemberService[] = [
  { id: 'svc_sandbox_care_fund', object: 'member_service', kind: 'care_fund', name: '货车司机关爱基金（沙箱）', summary: '会员因病、因灾遇到困难可申请关爱金', provider_org_id: 'org_sandbox_js', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sandbox_accident', object: 'member_service', kind: 'accident_mutual_aid', name: '意外伤害互助保障（沙箱）', summary: '新入会司机首年免费意外伤害互助保障', provider_org_id: 'org_sandbox_js', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sandbox_female', object: 'member_service', kind: 'female_driver_care', name: '女司机和卡嫂健康关爱（沙箱）', summary: '女货车司机和跟车卡嫂免费健康检查', provider_org_id: 'org_sandbox_ah', region_prefixes: ['34'], members_only: true, url: null, location: null },
  { id: 'svc_sandbox_driver_home', object: 'member_service', kind: 'driver_home', name: '司机之家·江宁（沙箱）', summary: '休息、热水、淋浴、洗衣，入会扫码点', provider_org_id: 'org_sandbox_nanjing_freight', region_prefixes: ['3201'], members_only: false, url: null, location: { lat: 31.95, lng: 118.84, address: '南京市江宁区（示例地址）' } },
]

export function listServices(query: MemberServiceQuery) {
  return { object: 'list' as const, data: selectServices(SANDBOX_SERVICES, query), has_more: false, next_cursor: null }
}
