import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@ruhui/source'] },
  ssr: { resolve: { conditions: ['@ruhui/source'], externalConditions: ['@ruhui/source'] } },
  test: {
    reporters: ['default', './scripts/plain-summary-reporter.ts'],
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
          include: ['packages/sample-directory/test/**/*.test.ts', 'packages/testing/test/**/*.test.ts'],
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
        test: {
          name: 'examples',
          environment: 'node',
          include: ['examples/*/test/**/*.test.ts', 'scripts/**/*.test.ts'],
        },
      },
    ],
  },
})
