/**
 * The member's own actions (issue #16), with the join token of a session linked to the member:
 * change the mobile and home region, see where a move would take the membership, and move it
 * (a transfer to a union matching the new base, through the existing transfers model: the two
 * unions then release and accept in the console).
 */
import { checkDriverIdentity, checkMobile, formatIssue, maskMobile } from '@ruhui/core'
import type { Locale } from '@ruhui/core'
import type { Membership, MembershipProfileUpdate, OrganisationMatch, Transfer, TransferOptionsRequest, MemberTransferRequest } from '@ruhui/core/contract'
import { type MatchResult, matchUnion, offeredOrgIds } from '@ruhui/core/matching'
import { applicantProfile, platformMatchInput, toOrganisationMatchWire } from '@ruhui/core/server'
import { lookupRegion } from '@ruhui/core/regions'
import { decryptField, encryptField } from '../crypto/field-cipher'
import { newId } from '../crypto/hashing'
import type { TransferTable } from '../db/schema'
import { type Caller, Refusal, type RegistryContext, iso } from './context'
import { type MemberRow, membershipOf, requireMember } from './membership'
import { recordMembershipEvent } from './membership-events'
import { recordTransferEvent } from './transfer-visibility'
import { transferView } from './views'

type TokenCaller = Extract<Caller, { kind: 'join_token' }>

function checkHomeRegion(r: { county: string; township?: string | undefined; village?: string | undefined }, param: string): void {
  if (!lookupRegion(r.county)) throw new Refusal('parameter_invalid', { param: `${param}.county`, message: '没有这个区县，请重新选择常驻地' })
  if (r.township !== undefined && !r.township.startsWith(r.county)) throw new Refusal('parameter_invalid', { param: `${param}.township`, message: '乡镇（街道）不在所选区县内' })
  if (r.village !== undefined && !(r.township !== undefined && r.village.startsWith(r.township))) throw new Refusal('parameter_invalid', { param: `${param}.village`, message: '村（社区）不在所选乡镇（街道）内' })
}

export async function updateMembershipProfile(ctx: RegistryContext, caller: TokenCaller, body: MembershipProfileUpdate, locale: Locale): Promise<Membership> {
  if (body.mobile === undefined && body.home_region === undefined) throw new Refusal('parameter_missing', { param: 'mobile', message: '请填写新的手机号或常驻地' })
  let mobile: string | undefined
  if (body.mobile !== undefined) {
    const checked = checkMobile(body.mobile)
    if (!checked.ok) throw new Refusal('parameter_invalid', { param: 'mobile', message: checked.issues[0] ? formatIssue(checked.issues[0], locale) : '手机号码有误' })
    mobile = checked.value.number
  }
  if (body.home_region) checkHomeRegion(body.home_region, 'home_region')
  const { personKey } = await requireMember(ctx, caller, ['active', 'transferring', 'retained'])
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const patch: Record<string, string | null> = { updated_at: iso(now) }
    if (mobile !== undefined) {
      patch.profile_enc = encryptField(ctx.keys, JSON.stringify({ mobile, mobile_verified_at: body.mobile_verified_at ?? null }), 'member_profile')
      patch.mobile_masked = maskMobile(mobile)
    }
    if (body.home_region) {
      patch.home_county = body.home_region.county
      patch.home_township = body.home_region.township ?? null
    }
    await trx.updateTable('members').set(patch).where('person_key', '=', personKey).execute()
    const member = await trx.selectFrom('members').selectAll().where('person_key', '=', personKey).executeTakeFirstOrThrow()
    await recordMembershipEvent(trx, { personKey, kind: 'profile_updated', orgId: member.org_id, now })
    return membershipOf(ctx, personKey, member, trx)
  })
}

/** Match the member for a new base as if joining (their membership aside), with the facts of their application unless given. */
async function matchForMove(ctx: RegistryContext, caller: TokenCaller, member: MemberRow, b: TransferOptionsRequest): Promise<MatchResult> {
  checkHomeRegion(b.base_region, 'base_region')
  const app = await ctx.db.selectFrom('applications').select(['applicant_enc']).where('id', '=', member.application_id).executeTakeFirstOrThrow()
  const stored = JSON.parse(decryptField(ctx.keys, app.applicant_enc, 'applicant')) as Parameters<typeof applicantProfile>[0]
  const employmentForm = b.employment_form ?? stored.employment_form
  const employerUscc = b.employer_uscc ?? (b.employment_form === undefined ? stored.employer_uscc : undefined)
  const identity = checkDriverIdentity(applicantProfile({ ...stored, employment_form: employmentForm, ...(employerUscc ? { employer_uscc: employerUscc } : {}) }), { asOf: new Date(ctx.now()) })
  const input = {
    employmentForm,
    baseRegion: b.base_region,
    ...platformMatchInput({ id: caller.platformId, uscc: caller.platformUscc }),
    ...(identity.ok ? { age: identity.value.idCard.age, documentKind: identity.value.idCard.kind } : {}),
    ...(employerUscc ? { employerUscc } : {}),
    ...(b.home_park_id ? { homeParkId: b.home_park_id } : {}),
  }
  return matchUnion(ctx.directory(), input, { config: ctx.config.matching, asOf: iso(ctx.now()).slice(0, 10) })
}

/** Where a move would take the membership: 'already_member' when the member's union also covers the new base. */
export async function membershipTransferOptions(ctx: RegistryContext, caller: TokenCaller, b: TransferOptionsRequest, locale: Locale): Promise<OrganisationMatch> {
  const { member } = await requireMember(ctx, caller, ['active', 'retained', 'transferring'])
  const match = await matchForMove(ctx, caller, member, b)
  const wire = toOrganisationMatchWire(match, locale)
  if (offeredOrgIds(match).includes(member.org_id)) return { ...wire, status: 'already_member' }
  return wire
}

export async function requestMembershipTransfer(ctx: RegistryContext, caller: TokenCaller, b: MemberTransferRequest): Promise<Transfer> {
  const { personKey, member } = await requireMember(ctx, caller, ['active', 'retained', 'transferring'])
  if (member.status === 'transferring') throw new Refusal('transfer_in_progress')
  // Only an active membership moves: a retained one (保留会籍) is restored by the union first.
  if (member.status === 'retained') throw new Refusal('membership_retained', { param: 'membership.status' })
  const match = await matchForMove(ctx, caller, member, b)
  if (match.status === 'not_in_pilot') throw new Refusal('not_in_pilot', { param: 'base_region.county' })
  if (match.status === 'ineligible') throw new Refusal('ineligible')
  if (b.to_org_id === member.org_id) throw new Refusal('already_member', { param: 'to_org_id', message: '您的会籍已在该工会，无需转接' })
  if (!offeredOrgIds(match).includes(b.to_org_id)) throw new Refusal('org_not_offered', { param: 'to_org_id' })
  return ctx.writer.run(async (trx) => {
    const now = ctx.now()
    const pendingLeave = await trx.selectFrom('leave_requests').select('id').where('open_key', '=', personKey).executeTakeFirst()
    if (pendingLeave) throw new Refusal('leave_pending', { message: '您的退会申请正在等待工会确认，不能同时申请转接' })
    // The member's status is checked by the write itself: a transfer started meanwhile (another request, another process) wins.
    // The home region changes only when the transfer completes (kept with the transfer until then).
    const moved = await trx.updateTable('members').set({ status: 'transferring', updated_at: iso(now) })
      .where('person_key', '=', personKey).where('status', '=', 'active').executeTakeFirst()
    if (Number(moved.numUpdatedRows) !== 1) throw new Refusal('transfer_in_progress')
    const row: TransferTable = { id: newId('trf'), session_id: caller.sessionId, person_key: personKey, from_org_id: member.org_id, to_org_id: b.to_org_id, reason: b.reason, status: 'requested', created_at: iso(now), updated_at: iso(now), expires_at: iso(now + ctx.config.transferTimeoutMs), home_county: b.base_region.county, home_township: b.base_region.township ?? null }
    await trx.insertInto('transfers').values(row).execute()
    await recordMembershipEvent(trx, { personKey, kind: 'transfer_requested', orgId: b.to_org_id, now })
    const view = transferView(row)
    await recordTransferEvent(ctx, trx, 'transfer.requested', caller.platformId, personKey, view)
    return view
  })
}
