/**
 * Approving many applications at once, for a mass-joining event (集中入会): each application is
 * approved on its own, exactly as one approval (its own transaction, review action, event, card
 * and SMS), and the answer says per application whether it was approved or why not. One refusal
 * never undoes or stops the others. Outside the reviewer's subtree is answered as not found.
 */
import { ERROR_CODES } from '@ruhui/core/contract'
import { type Caller, Refusal, type RegistryContext } from './context'
import { reviewAct } from './review'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export interface BatchResult {
  application_id: string
  ok: boolean
  status?: string
  /** The refusal this approval alone would have had: its code and words (zh-CN, en). */
  error?: { code: string; message: string; en: string }
}

export async function approveMany(ctx: RegistryContext, reviewer: Reviewer, ids: readonly string[]) {
  const unique = [...new Set(ids)]
  const results: BatchResult[] = []
  for (const id of unique) {
    try {
      // Each approval is in review_actions (who, when) like any other; the audit log says it came in a
      // batch, written in the approval's own transaction (an approval is never answered as failed, nor
      // left out of the log, because of a write after it).
      const approved = await reviewAct(ctx, reviewer, id, 'approve', {}, { audit: 'batch_approve' })
      results.push({ application_id: id, ok: true, status: approved.status })
    } catch (e) {
      // A refusal is this application's answer; anything else is the registry's own fault.
      if (!(e instanceof Refusal)) throw e
      results.push({ application_id: id, ok: false, error: { code: e.code, message: e.extra.message ?? ERROR_CODES[e.code].zh, en: e.extra.en ?? ERROR_CODES[e.code].en } })
    }
  }
  const approved = results.filter((r) => r.ok).length
  return { object: 'batch_approval' as const, approved, failed: results.length - approved, results }
}
