/**
 * No membership oracle (issue #13): one join session may try only a few distinct ID numbers. The
 * person keys (keyed hashes, never the numbers) a session submitted are kept with it; one more
 * than the cap is refused with `too_many_id_numbers` before anything is looked up. The check and
 * the record are one step of the write queue (the session's row locked on PostgreSQL), taken before
 * the member lookup: parallel submissions with different ID numbers are counted one after another,
 * so no more than the cap pass.
 */
import { jobHook } from '../db/write-queue'
import { Refusal, type RegistryContext } from './context'

/** Admits the ID number (recording it with the session) or refuses one distinct number more than the cap. */
export async function admitIdNumber(ctx: RegistryContext, sessionId: string, personKey: string): Promise<void> {
  // Not the response's own write: the idempotency record goes with the submission's, not with this.
  await jobHook.exit(() =>
    ctx.writer.run(async (trx) => {
      let q = trx.selectFrom('sessions').select(['tried_keys']).where('id', '=', sessionId)
      if (ctx.dialect === 'postgres') q = q.forUpdate()
      const s = await q.executeTakeFirst()
      const tried = JSON.parse(s?.tried_keys ?? '[]') as string[]
      if (tried.includes(personKey)) return
      if (tried.length >= ctx.config.maxIdNumbersPerSession) {
        throw new Refusal('too_many_id_numbers', { param: 'applicant.id_number', message: `本次入会已尝试 ${tried.length} 个不同的证件号码，请回到平台重新进入`, en: `${tried.length} different ID numbers were already tried in this join session` })
      }
      await trx.updateTable('sessions').set({ tried_keys: JSON.stringify([...tried, personKey]) }).where('id', '=', sessionId).execute()
    }),
  )
}
