/**
 * Which decisions reach the driver by SMS, and to which number: approved, rejected, needs_info,
 * transfer completed or refused, leave confirmed or declined, retained, restored, expelled. The number is the one the driver gave
 * (decrypted here and encrypted again in the outbox); the text names only the union.
 */
import type { Transaction } from 'kysely'
import type { EventType } from '@ruhui/core/contract'
import { decryptField } from '../crypto/field-cipher'
import type { Database } from '../db/schema'
import type { RegistryContext } from '../domain/context'
import { queueSms } from './sms-outbox'
import type { SmsTemplate } from './sms-templates'

const FROM_EVENT: Partial<Record<EventType, SmsTemplate>> = {
  'application.approved': 'application_approved',
  'application.rejected': 'application_rejected',
  'application.needs_info': 'application_needs_info',
  'transfer.completed': 'transfer_completed',
  'transfer.rejected': 'transfer_rejected',
}

type Trx = Transaction<Database>

/**
 * The number to tell: for an application, the one it gave (the driver's latest word); for a member,
 * the one they set in the member centre, else the one of the application that made them a member
 * (members.application_id). Never "the latest application with this ID number": anyone can file
 * one with a member's ID number and their own mobile (taken in, flagged as a possible duplicate).
 */
async function mobileOf(ctx: RegistryContext, trx: Trx, where: { applicationId: string } | { personKey: string }): Promise<string | undefined> {
  let applicationId: string
  if ('personKey' in where) {
    const member = await trx.selectFrom('members').select(['profile_enc', 'application_id']).where('person_key', '=', where.personKey).executeTakeFirst()
    if (!member) return undefined
    const changed = member.profile_enc ? (JSON.parse(decryptField(ctx.keys, member.profile_enc, 'member_profile')) as { mobile?: unknown }).mobile : undefined
    if (typeof changed === 'string' && changed) return changed
    applicationId = member.application_id
  } else {
    applicationId = where.applicationId
  }
  const row = await trx.selectFrom('applications').select(['applicant_enc']).where('id', '=', applicationId).executeTakeFirst()
  if (!row) return undefined
  const mobile = (JSON.parse(decryptField(ctx.keys, row.applicant_enc, 'applicant')) as { mobile?: unknown }).mobile
  return typeof mobile === 'string' && mobile ? mobile : undefined
}

const orgName = (ctx: RegistryContext, orgId: string | null) => (orgId ? ctx.directory().byId.get(orgId)?.name : undefined) ?? '工会'

/**
 * The SMS for an event the registry records, if it is a decision the driver must hear of. Only the
 * object's kind and id are read (the union's name and the number come from the rows, not from the
 * platform's view the event carries).
 */
export async function smsForEvent(ctx: RegistryContext, trx: Trx, type: EventType, object: { object: string; id: string }): Promise<void> {
  const template = FROM_EVENT[type]
  if (!template || !ctx.config.sms) return
  if (object.object === 'application') {
    const a = await trx.selectFrom('applications').select(['org_id', 'org_name', 'person_key']).where('id', '=', object.id).executeTakeFirst()
    const to = a && (await mobileOf(ctx, trx, { applicationId: object.id }))
    if (a && to) await queueSms(ctx, trx, { subjectId: object.id, personKey: a.person_key, to, template, params: { union: a.org_name ?? orgName(ctx, a.org_id) } })
    return
  }
  if (object.object !== 'transfer') return
  const t = await trx.selectFrom('transfers').select(['person_key', 'from_org_id', 'to_org_id']).where('id', '=', object.id).executeTakeFirst()
  const to = t && (await mobileOf(ctx, trx, { personKey: t.person_key }))
  // Completed: the new union holds the membership; refused: the member stays where they were.
  if (t && to) await queueSms(ctx, trx, { subjectId: object.id, personKey: t.person_key, to, template, params: { union: orgName(ctx, template === 'transfer_completed' ? t.to_org_id : t.from_org_id) } })
}

/** The SMS for a decision on a membership (退会 confirmed or declined, 保留会籍, restored, 开除会籍), in the decision's transaction. */
export async function smsForMembership(ctx: RegistryContext, trx: Trx, template: 'leave_confirmed' | 'leave_declined' | 'expelled' | 'membership_retained' | 'membership_restored', member: { personKey: string; orgId: string; subjectId: string }): Promise<void> {
  if (!ctx.config.sms) return
  const to = await mobileOf(ctx, trx, { personKey: member.personKey })
  if (to) await queueSms(ctx, trx, { subjectId: member.subjectId, personKey: member.personKey, to, template, params: { union: orgName(ctx, member.orgId) } })
}
