/** Rows → wire objects (snake_case, +08:00 times). Status only: no personal data leaves here. */
import { type Application, type JoinSession, type Transfer, toChinaTime } from '@ruhui/core/contract'
import type { ApplicationTable, SessionTable, TransferTable } from '../db/schema'

const cst = (isoTime: string) => toChinaTime(Date.parse(isoTime))

export function sessionView(s: SessionTable, now: number, joinToken?: string, hostedUrl?: string): JoinSession {
  const expired = s.status === 'open' && Date.parse(s.token_expires_at) < now
  const view: JoinSession = {
    id: s.id,
    object: 'join_session',
    platform_id: s.platform_id,
    platform_user_id: s.platform_user_id,
    status: (expired ? 'expired' : s.status) as JoinSession['status'],
    expires_at: cst(s.token_expires_at),
    created_at: cst(s.created_at),
    application_id: s.application_id,
    locale: s.locale as JoinSession['locale'],
  }
  if (s.return_url) view.return_url = s.return_url
  if (joinToken !== undefined) view.join_token = joinToken
  if (joinToken !== undefined && hostedUrl !== undefined) view.hosted_url = hostedUrl
  return view
}

export function applicationView(a: ApplicationTable): Application {
  return {
    id: a.id,
    object: 'application',
    session_id: a.session_id,
    platform_id: a.platform_id,
    status: a.status as Application['status'],
    org_id: a.org_id,
    org_name: a.org_name,
    tier: a.tier as Application['tier'],
    status_reason: a.status_reason ? JSON.parse(a.status_reason) : null,
    member_card: a.member_card ? JSON.parse(a.member_card) : null,
    submitted_at: cst(a.submitted_at),
    updated_at: cst(a.updated_at),
  }
}

export function transferView(t: TransferTable): Transfer {
  return {
    id: t.id,
    object: 'transfer',
    session_id: t.session_id,
    status: t.status as Transfer['status'],
    from_org_id: t.from_org_id,
    to_org_id: t.to_org_id,
    reason: t.reason as Transfer['reason'],
    created_at: cst(t.created_at),
    updated_at: cst(t.updated_at),
  }
}
