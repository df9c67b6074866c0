/**
 * Retention (issue #13; DOMAIN §6.3, PIPL Arts. 19 and 47): the personal information of an application
 * that was refused or withdrawn is deleted once `RUHUI_PURGE_AFTER_DAYS` (default 30, as the published
 * consent text says) have passed since the decision — the sealed applicant, the masked fields, the
 * person key, the reviewer's flags and evidence, the driver's answers to the reviewer's requests; the status, region and dates stay for the statistics,
 * and the consent records stay (kept at least three years, Art. 56). What a platform prefilled is
 * deleted with the session once it is that old, unless its application is still being handled.
 * Run by the worker at most every `RUHUI_PURGE_EVERY_MS`.
 */
import { sql } from 'kysely'
import { encryptField } from '../crypto/field-cipher'
import { OPEN_STATUSES } from './applications'
import { type RegistryContext, iso } from './context'

export const PURGED = '—'

let last = 0

export async function purgeClosedApplications(ctx: RegistryContext, force = false): Promise<number> {
  const now = ctx.now()
  if (!force && now - last < ctx.config.purgeEveryMs) return 0
  last = now
  const cutoff = iso(now - ctx.config.purgeAfterMs)
  const sealed = encryptField(ctx.keys, JSON.stringify({ purged: true }), 'applicant')
  return ctx.writer.run(async (trx) => {
    // The driver's answers to the reviewer's requests (要求补充材料) go with the application's personal data.
    await trx
      .updateTable('information_requests')
      .set({ answer_enc: null })
      .where('answer_enc', 'is not', null)
      .where((eb) => eb('application_id', 'in', eb.selectFrom('applications').select('id').where('status', 'in', ['rejected', 'withdrawn']).where('decided_at', '<', cutoff)))
      .execute()
    const apps = await trx
      .updateTable('applications')
      .set({ applicant_enc: sealed, name_masked: PURGED, id_masked: PURGED, mobile_masked: PURGED, person_key: sql<string>`'purged_' || id`, review_flags: null, evidence: null })
      .where('status', 'in', ['rejected', 'withdrawn'])
      .where('decided_at', '<', cutoff)
      .where('name_masked', '<>', PURGED)
      .executeTakeFirst()
    await trx
      .updateTable('sessions')
      .set({ prefill_enc: null, tried_keys: null })
      .where('created_at', '<', cutoff)
      .where((eb) => eb.or([eb('prefill_enc', 'is not', null), eb('tried_keys', 'is not', null)]))
      .where((eb) => eb.or([eb('application_id', 'is', null), eb('application_id', 'not in', eb.selectFrom('applications').select('id').where('status', 'in', OPEN_STATUSES))]))
      .execute()
    return Number(apps.numUpdatedRows)
  })
}
