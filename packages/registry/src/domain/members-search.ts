/**
 * Member search in the console by masked fields only: the last character of the name (the rest
 * is masked), the last four characters of the ID number or the mobile, the card number. Results stay masked; revealing is per application.
 */
import { sql } from 'kysely'
import { type Caller, Refusal, type RegistryContext } from './context'
import { reviewerScope } from './scope'

type Reviewer = Extract<Caller, { kind: 'reviewer' }>

export async function searchMembers(ctx: RegistryContext, reviewer: Reviewer, q: Record<string, string | undefined>) {
  const { name_last: nameLast, id_last4: idLast4, mobile_last4: mobileLast4, card_number: card } = q
  if (nameLast !== undefined && [...nameLast].length !== 1) throw new Refusal('parameter_invalid', { param: 'name_last', message: '填写姓名的最后一个字' })
  if (idLast4 !== undefined && !/^\d{3}[\dXx]$/.test(idLast4)) throw new Refusal('parameter_invalid', { param: 'id_last4', message: '证件号码后四位' })
  if (mobileLast4 !== undefined && !/^\d{4}$/.test(mobileLast4)) throw new Refusal('parameter_invalid', { param: 'mobile_last4', message: '手机号码后四位' })
  if (card !== undefined && !/^[A-Z0-9-]{4,40}$/.test(card)) throw new Refusal('parameter_invalid', { param: 'card_number' })
  if (!nameLast && !idLast4 && !mobileLast4 && !card) throw new Refusal('parameter_missing', { param: 'name_last', message: '请至少填写一项查询条件' })
  const scope = [...reviewerScope(ctx, reviewer)]
  let query = ctx.db
    .selectFrom('members')
    .innerJoin('applications', 'applications.id', 'members.application_id')
    .select(['members.card_number', 'members.org_id', 'members.status', 'members.join_date', 'applications.id as application_id', 'applications.name_masked', 'applications.id_masked', 'applications.mobile_masked', 'applications.base_county', 'applications.org_name'])
    .where('members.org_id', 'in', scope)
  // Ends with the text as typed: % and _ are matched as themselves, not as wildcards (issue #19).
  const endsWith = (column: 'applications.name_masked' | 'applications.id_masked' | 'applications.mobile_masked', tail: string) => sql<boolean>`${sql.ref(column)} like ${`%${tail.replace(/[\\%_]/g, (ch) => `\\${ch}`)}`} escape '\\'`
  if (nameLast) query = query.where(endsWith('applications.name_masked', nameLast))
  if (idLast4) query = query.where(endsWith('applications.id_masked', idLast4.toUpperCase()))
  if (mobileLast4) query = query.where(endsWith('applications.mobile_masked', mobileLast4))
  if (card) query = query.where('members.card_number', '=', card)
  const rows = await query.orderBy('members.join_date', 'desc').limit(100).execute()
  return { object: 'list' as const, data: rows.map((r) => ({ object: 'member', ...r, masked: true })) }
}
