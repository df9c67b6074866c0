import type { MemberService } from '@ruhui/core/contract'

// A SAMPLE catalogue until services are managed in the console: fictitious, after the kinds the notice names.
export const SAMPLE_SERVICES: MemberService[] = [
  { id: 'svc_sample_care_fund', object: 'member_service', kind: 'care_fund', name: '货车司机关爱基金（示例）', summary: '会员因病、因灾遇到困难可申请关爱金', provider_org_id: 'org_lf_32', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_accident', object: 'member_service', kind: 'accident_mutual_aid', name: '意外伤害互助保障（示例）', summary: '新入会司机首年免费意外伤害互助保障', provider_org_id: 'org_lf_32', region_prefixes: ['32', '34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_female', object: 'member_service', kind: 'female_driver_care', name: '女司机和卡嫂健康关爱（示例）', summary: '女货车司机和跟车卡嫂免费健康检查', provider_org_id: 'org_lf_34', region_prefixes: ['34'], members_only: true, url: null, location: null },
  { id: 'svc_sample_driver_home', object: 'member_service', kind: 'driver_home', name: '司机之家·江宁（示例）', summary: '休息、热水、淋浴、洗衣，入会扫码点', provider_org_id: 'org_rf_3201', region_prefixes: ['3201'], members_only: false, url: null, location: { lat: 31.95, lng: 118.84, address: '南京市江宁区（示例地址）' } },
]

export async function listServices(query: unknown) {
  const q = query as { region?: string }
  const data = SAMPLE_SERVICES.filter((s) => q.region === undefined || s.region_prefixes.some((p) => q.region?.startsWith(p)))
  return { object: 'list' as const, data, has_more: false, next_cursor: null }
}
