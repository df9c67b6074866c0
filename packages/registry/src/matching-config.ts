/**
 * Per-province matching configuration from a file (因地制宜): `ruhui-registry start --matching-config FILE`
 * or `RUHUI_MATCHING_CONFIG`, in the `defineMatchingConfig` input shape. A file with any mistake stops the
 * start with every problem named by its path; nothing starts half-configured.
 */
import { readFileSync } from 'node:fs'
import { type MatchingConfig, checkMatchingConfig, formatMatchingIssue } from '@ruhui/core/matching'

/** What is wrong with a configuration file, one line a problem: `provinces.34.tiers[0]: …`. */
export class MatchingConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`匹配配置文件有误 (${file}):\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
}

/** `['provinces', '34', 'tiers', 0]` → 'provinces.34.tiers[0]'. */
export function configPath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${p}` : p), '') || '(root)'
}

export function loadMatchingConfig(file: string): MatchingConfig {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (e) {
    throw new MatchingConfigError(file, [`(file): 无法读取 — ${(e as Error).message}`])
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (e) {
    throw new MatchingConfigError(file, [`(root): 不是有效的 JSON — ${(e as Error).message}`])
  }
  const checked = checkMatchingConfig(json)
  if (!checked.ok) throw new MatchingConfigError(file, checked.issues.map((i) => `${configPath(i.path)}: ${formatMatchingIssue(i)}`))
  return checked.value
}
