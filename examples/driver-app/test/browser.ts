// Debian's Chromium driven by playwright-core (no browser download), a fresh profile per run.
import { execSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, type Page, chromium } from 'playwright-core'

export interface Browser {
  context: BrowserContext
  page: Page
  /** Uncaught page errors and failed requests: an empty page with no error is how a broken build shows. */
  problems: string[]
  shot(name: string): Promise<string>
  close(): Promise<void>
}

export async function openBrowser(artifactsDir: string): Promise<Browser> {
  const executablePath = execSync('command -v chromium || command -v chromium-browser', { shell: '/bin/sh' }).toString().trim()
  const profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'))
  mkdirSync(artifactsDir, { recursive: true })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const page = context.pages()[0] ?? (await context.newPage())
  const problems: string[] = []
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`))
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.method()} ${r.url()} ${r.failure()?.errorText ?? ''}`))
  let n = 0
  return {
    context,
    page,
    problems,
    async shot(name) {
      const file = join(artifactsDir, `${String(++n).padStart(2, '0')}-${name}.png`)
      await page.screenshot({ path: file, fullPage: true })
      return file
    },
    async close() {
      await context.close()
      rmSync(profile, { recursive: true, force: true })
    },
  }
}
