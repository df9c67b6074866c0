/**
 * How long an application has waited for the union, in working days (the registry counts them:
 * weekends off, public holidays from its calendar), and the highlight past five (issue #16).
 */
import { Tag } from 'antd'
import { useI18n } from '../i18n'

/** The class of a queue row waiting more than five working days, and its look. */
export const OVERDUE_ROW = 'ruhui-queue-overdue'
export const overdueStyle = `.${OVERDUE_ROW} > td { background: #fff1f0 !important; } .${OVERDUE_ROW}:hover > td { background: #ffe4e1 !important; }`

export function WaitingTag({ days, overdue }: { days: number | null | undefined; overdue: boolean | undefined }) {
  const { t } = useI18n()
  if (days === null || days === undefined) return <>—</>
  return overdue ? <Tag color="error" data-testid="overdue">{t.overdueDays(days)}</Tag> : <span>{t.waitingDays(days)}</span>
}
