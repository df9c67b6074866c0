import { availableParallelism } from 'node:os'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@ruhui/source'] },
  ssr: { resolve: { conditions: ['@ruhui/source'], externalConditions: ['@ruhui/source'] } },
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
    // Vitest's default (one worker less than the CPUs) runs everything one file at a time on this
    // 2-core machine, and the clean-clone test spends its 4 minutes mostly waiting on npm ci and the
    // build in child processes: a second worker runs the other files meanwhile (8.3 → 4.7 min).
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: 'core',
          environment: 'node',
          include: ['packages/core/src/**/*.test.ts', 'packages/core/test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'packages',
          environment: 'node',
          include: ['packages/sample-directory/test/**/*.test.ts', 'packages/testing/test/**/*.test.ts', 'packages/weapp/test/**/*.test.ts', 'packages/weapp-plugin/test/**/*.test.ts', 'packages/hosted-join/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'registry',
          environment: 'node',
          include: ['packages/registry/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        // Taro's React components render real DOM; @tarojs/taro is mocked per file (TOOLCHAIN.md §3).
        resolve: { alias: [{ find: /^@tarojs\/components$/, replacement: '@tarojs/components-react' }] },
        test: {
          name: 'taro',
          environment: 'happy-dom',
          setupFiles: ['packages/taro/test/setup-taro-globals.ts'],
          include: ['packages/taro/src/**/*.test.{ts,tsx}', 'packages/taro/test/**/*.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          name: 'examples',
          environment: 'node',
          include: ['examples/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
    ],
  },
})
