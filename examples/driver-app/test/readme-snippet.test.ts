// The host configuration in @ruhui/taro's README is exactly what this example uses.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const readme = readFileSync(join(import.meta.dirname, '../../../packages/taro/README.md'), 'utf8')

it.each(['src/app.config.ts', 'src/app.ts', 'src/join/pages/flow/index.tsx'])('the README shows %s word for word', (file) => {
  const source = readFileSync(join(import.meta.dirname, '..', file), 'utf8')
  expect(readme).toContain('```' + (file.endsWith('x') ? 'tsx' : 'ts') + '\n' + source + '```')
})

it('the README shows the plugins line of config/index.ts word for word', () => {
  const line = readFileSync(join(import.meta.dirname, '../config/index.ts'), 'utf8')
    .split('\n')
    .find((l) => l.trim().startsWith('plugins:'))
  expect(line).toContain("'@ruhui/taro/taro-plugin'")
  expect(readme).toContain('```ts\n' + line + '\n```')
})
