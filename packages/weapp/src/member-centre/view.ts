/**
 * The member centre's state as plain data for the WXML: words resolved, the card's QR code as
 * boxes (one per dark run of a row), enum values in words. No rule lives here.
 */
import { ENUM_VALUES, enumLabel } from '@ruhui/core'
import { type InfoAnswerState, type MemberLabels, MOVE_REASONS, type MemberState, qrRows, runBox } from '@ruhui/core/member'
import { encode } from 'uqr'

const boxStyle = (b: ReturnType<typeof runBox>) => `left:${b.left};top:${b.top};width:${b.width};height:${b.height}`

/** The QR code's boxes as inline styles (a 65×65 code is about a thousand boxes). */
export function qrBoxes(text: string): string[] {
  const code = qrRows(encode(text, { ecc: 'M', border: 0 }).data)
  const out: string[] = []
  code.rows.forEach((runs, y) => runs.forEach((run) => out.push(boxStyle(runBox(run, y, code.size)))))
  return out
}

export function toMemberView(s: MemberState, info: InfoAnswerState | null, o: { labels: MemberLabels; locale: 'zh-CN' | 'en' }) {
  const t = o.labels
  const m = s.membership
  const card = m && m.card
  // The signed payload itself: the registry's /verify page scans it; verifyMemberCard checks it offline.
  const qrText = card ? card.qr_payload : ''
  const leaving = Boolean(m && m.leave_request && m.leave_request.status === 'pending')
  return {
    status: s.status,
    panel: s.panel,
    busy: s.busy,
    stale: s.stale,
    error: s.error ? s.error.message : '',
    notice: s.notice ? t[s.notice] : '',
    none: m && m.applications.some((a) => ['submitted', 'under_review', 'needs_info', 'awaiting_assignment'].includes(a.status)) ? t.applicationOpen : t.notMember,
    member: m && m.status
      ? {
          union: m.union ? m.union.name : '',
          name: m.member_name,
          joined: m.join_date || '',
          status: enumLabel('membershipStatus', m.status, o.locale),
          card: card ? card.number : '',
          qrText,
          contact: m.union && m.union.contact ? { phone: m.union.contact.phone || '', address: m.union.contact.address || '', hours: m.union.contact.hours || '' } : null,
          moving: m.open_transfer ? `${t.movePending}${m.open_transfer.to_org_name ? `（${m.open_transfer.to_org_name}，${enumLabel('transferStatus', m.open_transfer.status, o.locale)}）` : ''}` : '',
          leaving,
          canAct: Boolean(card) && !m.open_transfer && !leaving,
        }
      : null,
    history: m ? m.history.map((h) => ({ date: h.at.slice(0, 10), text: `${enumLabel('membershipEventKind', h.kind, o.locale)}${h.org_name ? ` · ${h.org_name}` : ''}${h.reason ? `（${h.reason}）` : ''}` })) : [],
    applications: m && !m.status ? m.applications.map((a) => ({ id: a.id, date: a.submitted_at.slice(0, 10), text: `${enumLabel('applicationStatus', a.status, o.locale)}${a.org_name ? ` · ${a.org_name}` : ''}` })) : [],
    services: s.services.map((x) => ({ id: x.id, name: x.name, summary: x.summary })),
    move: {
      county: s.move.county,
      reasons: MOVE_REASONS.map((r) => ({ value: r, label: t.moveReasons[r], selected: s.move.reason === r })),
      options: (s.move.options || []).map((u) => ({ id: u.id, name: u.name, reasons: u.reasons, selected: s.move.selectedOrgId === u.id })),
      found: Boolean(s.move.options && s.move.options.length),
    },
    leave: { note: s.leave.note, reasons: ENUM_VALUES.leaveReason.map((r) => ({ value: r, label: enumLabel('leaveReason', r, o.locale), selected: s.leave.reason === r })) },
    update: s.update,
    places: { query: s.places.query, results: s.places.results || [], none: Boolean(s.places.results && s.places.results.length === 0), chosen: s.places.chosen || '' },
    issues: s.fieldIssues,
    info: info
      ? {
          sent: info.sent,
          busy: info.busy,
          message: info.request.message,
          error: info.error && !Object.values(info.fieldIssues).includes(info.error.message) ? info.error.message : '',
          fields: info.request.fields.map((f) => ({ name: f, label: enumLabel('infoField', f, o.locale), value: info.values[f] || '', issue: info.fieldIssues[f] || '' })),
          photos: info.request.documents.map((d) => ({ name: d, label: enumLabel('uploadPurpose', d, o.locale), done: Boolean(info.photos[d]!.uploadId), uploading: info.photos[d]!.uploading, preview: info.photos[d]!.preview || '', issue: info.fieldIssues[d] || '' })),
        }
      : null,
  }
}

export type MemberView = ReturnType<typeof toMemberView>
