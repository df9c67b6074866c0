/** Synthetic memberships for the member centre's tests (no real person; the card payload is not a signed one). */
import type { Membership } from './api'

export const nanjingMember: Membership = {
  object: 'membership',
  status: 'active',
  union: { org_id: 'org_nj', name: '南京市道路货运行业工会联合会（示例）', contact: { phone: '025-00000000' } },
  join_date: '2026-11-02',
  member_name: '*三',
  mobile: '139****5678',
  home_region: { county: '320115' },
  card: { number: 'RH0000000000000001', qr_payload: 'RUHUI1.e30.c2ln', issued_at: '2026-11-02T10:00:00.000+08:00' },
  leave_request: null,
  open_transfer: null,
  information_request: null,
  applications: [{ id: 'app_1', status: 'approved', org_name: '南京市道路货运行业工会联合会（示例）', submitted_at: '2026-11-01T10:00:00.000+08:00', decided_at: '2026-11-02T10:00:00.000+08:00' }],
  transfers: [],
  history: [{ kind: 'joined', at: '2026-11-02T10:00:00.000+08:00', org_name: '南京市道路货运行业工会联合会（示例）', reason: null }],
}
