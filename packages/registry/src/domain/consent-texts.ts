/**
 * The consent texts and the charter declaration the registry publishes (GET /v1/consent-texts),
 * and the check of a submission against them: every consent's and the charter's version and hash
 * must be a published one, current or superseded less than the grace period ago (issue #13).
 */
import { consentTextHash, consentTextOnWire } from '@ruhui/core'
import type { ApplicationSubmit, ConsentTextWire } from '@ruhui/core/contract'
import { toChinaTime } from '@ruhui/core/contract'
import { isUniqueViolation } from '../db/write-queue'
import { Refusal, type RegistryContext, iso } from './context'

/**
 * Publish the configured texts: a text whose hash is new becomes its kind's current version and
 * the one before is superseded now. Run at start by every process; the same texts twice change nothing.
 */
export async function publishConsentTexts(ctx: RegistryContext): Promise<string[]> {
  const published: string[] = []
  for (const t of ctx.config.consentTexts) {
    const hash = consentTextHash(t.body)
    try {
      const added = await ctx.writer.run(async (trx) => {
        const known = await trx.selectFrom('consent_texts').select(['superseded_at']).where('kind', '=', t.kind).where('text_hash', '=', hash).executeTakeFirst()
        if (known && known.superseded_at === null) return false
        const now = iso(ctx.now())
        await trx.updateTable('consent_texts').set({ superseded_at: now }).where('kind', '=', t.kind).where('superseded_at', 'is', null).execute()
        // A text published again after a newer one is current again, from now.
        if (known) await trx.updateTable('consent_texts').set({ superseded_at: null, published_at: now, text_version: t.text_version, title: t.title }).where('kind', '=', t.kind).where('text_hash', '=', hash).execute()
        else await trx.insertInto('consent_texts').values({ kind: t.kind, text_version: t.text_version, text_hash: hash, title: t.title, body: t.body, published_at: now, superseded_at: null }).execute()
        return true
      })
      if (added) published.push(`${t.kind}@${t.text_version}`)
    } catch (e) {
      if (!isUniqueViolation(e)) throw e // another process published the same text at the same moment
    }
  }
  return published
}

/** The current version of each kind. */
export async function listConsentTexts(ctx: RegistryContext): Promise<{ object: 'list'; data: ConsentTextWire[]; operator?: string }> {
  const rows = await ctx.db.selectFrom('consent_texts').selectAll().where('superseded_at', 'is', null).orderBy('kind').execute()
  const data = rows.map((r) => consentTextOnWire(r as Parameters<typeof consentTextOnWire>[0], toChinaTime(Date.parse(r.published_at))))
  return { object: 'list', data, ...(ctx.config.operator ? { operator: ctx.config.operator } : {}) }
}

const BASIC = ['sensitive_personal_info', 'share_with_union'] as const

/** Refuses, naming the field, a submission whose consents or charter are not published texts (or are missing or repeated). */
export async function checkAgreedTexts(ctx: RegistryContext, body: Pick<ApplicationSubmit, 'consents' | 'charter'>): Promise<void> {
  const kinds = body.consents.map((c) => c.kind)
  for (const kind of BASIC) if (!kinds.includes(kind)) throw new Refusal('parameter_missing', { param: 'consents', message: `缺少必需的同意（${kind}）`, en: `The consent ${kind} is required` })
  const repeated = kinds.findIndex((k, i) => kinds.indexOf(k) !== i)
  if (repeated >= 0) throw new Refusal('parameter_invalid', { param: `consents[${repeated}].kind`, message: '同一项同意只能出现一次', en: 'Each consent may appear once' })
  const rows = await ctx.db.selectFrom('consent_texts').select(['kind', 'text_version', 'text_hash', 'superseded_at']).execute()
  const now = ctx.now()
  const accepted = (kind: string, version: string, hash: string) =>
    rows.some((r) => r.kind === kind && r.text_hash === hash && r.text_version === version && (r.superseded_at === null || Date.parse(r.superseded_at) + ctx.config.consentGraceMs > now))
  body.consents.forEach((c, i) => {
    if (!accepted(c.kind, c.text_version, c.text_hash)) throw unknownText(`consents[${i}].text_hash`)
  })
  if (!accepted('charter', body.charter.text_version, body.charter.text_hash)) throw unknownText('charter.text_hash')
}

const unknownText = (param: string) =>
  new Refusal('consent_text_unknown', { param, message: `您同意的条款文本不是当前发布的版本（${param}），请重新阅读并确认`, en: `The text agreed to is not a published version (${param}); read it again and agree` })
