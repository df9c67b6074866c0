/**
 * No membership oracle (issue #13): one join session may try only a few distinct ID numbers. The
 * person keys (keyed hashes, never the numbers) a session submitted are kept with it; one more
 * than the cap is refused with `too_many_id_numbers` before anything is looked up. A number is
 * remembered when its submission is refused (a submission taken in completes the session).
 */
import { jobHook } from '../db/write-queue'
import { Refusal, type RegistryContext } from './context'

/** Refuses one distinct ID number more than the cap; reads only. */
export async function admitIdNumber(ctx: RegistryContext, sessionId: string, personKey: string): Promise<void> {
  const s = await ctx.db.selectFrom('sessions').select(['tried_keys']).where('id', '=', sessionId).executeTakeFirst()
  const tried = JSON.parse(s?.tried_keys ?? '[]') as string[]
  if (tried.includes(personKey)) return
  if (tried.length >= ctx.config.maxIdNumbersPerSession) {
    throw new Refusal('too_many_id_numbers', { param: 'applicant.id_number', message: `本次入会已尝试 ${tried.length} 个不同的证件号码，请回到平台重新进入`, en: `${tried.length} different ID numbers were already tried in this join session` })
  }
}

/** Remember an ID number a refused submission tried (what the cap counts); not the response's own write. */
export async function rememberIdNumber(ctx: RegistryContext, sessionId: string, personKey: string): Promise<void> {
  await jobHook.exit(() =>
    ctx.writer.run(async (trx) => {
      const now = await trx.selectFrom('sessions').select(['tried_keys']).where('id', '=', sessionId).executeTakeFirst()
      const keys = JSON.parse(now?.tried_keys ?? '[]') as string[]
      if (!keys.includes(personKey)) await trx.updateTable('sessions').set({ tried_keys: JSON.stringify([...keys, personKey]) }).where('id', '=', sessionId).execute()
    }),
  )
}
