/**
 * Which consent texts the registry publishes: @ruhui/core's PUBLISHED_TEXTS, with newer versions
 * from a file (`ruhui-registry start --consent-texts FILE` or `RUHUI_CONSENT_TEXTS`): a JSON array
 * of `{ kind, text_version, title, body }`. A kind the file does not name keeps the built-in text.
 * A file with any mistake stops the start with every problem named by its place (exit 2).
 */
import { readFileSync } from 'node:fs'
import { CONSENT_TEXT_KINDS, type ConsentTextKind, PUBLISHED_TEXTS } from '@ruhui/core'

export interface PublishableText {
  kind: ConsentTextKind
  text_version: string
  title: string
  body: string
}

export class ConsentTextsError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`同意书文本文件有误 (${file}):\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
}

export const builtInTexts = (): PublishableText[] => Object.values(PUBLISHED_TEXTS).map(({ kind, text_version, title, body }) => ({ kind, text_version, title, body }))

export function loadConsentTexts(file: string): PublishableText[] {
  let json: unknown
  try {
    json = JSON.parse(readFileSync(file, 'utf8'))
  } catch (e) {
    throw new ConsentTextsError(file, [`(root): 无法读取或不是有效的 JSON — ${(e as Error).message}`])
  }
  if (!Array.isArray(json)) throw new ConsentTextsError(file, ['(root): 应为数组 [{ kind, text_version, title, body }]'])
  const problems: string[] = []
  const seen = new Set<string>()
  const texts: PublishableText[] = []
  json.forEach((t: unknown, i) => {
    const o = (t ?? {}) as Record<string, unknown>
    const at = `[${i}]`
    if (typeof o.kind !== 'string' || !(CONSENT_TEXT_KINDS as readonly string[]).includes(o.kind)) problems.push(`${at}.kind: 应为 ${CONSENT_TEXT_KINDS.join(' | ')}`)
    else if (seen.has(o.kind)) problems.push(`${at}.kind: ${o.kind} 重复出现`)
    else seen.add(o.kind)
    if (typeof o.text_version !== 'string' || !/^[\w.-]{1,32}$/.test(o.text_version)) problems.push(`${at}.text_version: 应为 1–32 个字母、数字、. - _`)
    if (typeof o.title !== 'string' || !o.title.trim() || o.title.length > 100) problems.push(`${at}.title: 应为 1–100 字`)
    if (typeof o.body !== 'string' || !o.body.trim() || o.body.length > 5000) problems.push(`${at}.body: 应为 1–5000 字`)
    if (problems.length === 0) texts.push({ kind: o.kind as ConsentTextKind, text_version: o.text_version as string, title: o.title as string, body: o.body as string })
  })
  if (problems.length) throw new ConsentTextsError(file, problems)
  const named = new Set(texts.map((t) => t.kind))
  return [...builtInTexts().filter((t) => !named.has(t.kind)), ...texts]
}
