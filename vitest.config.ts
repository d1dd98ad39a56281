import { defineConfig } from 'vitest/config'

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // One DynamoDB Local + s3rver pair for the whole run; each test file makes its own tables and bucket.
    globalSetup: ['tests/setup/global.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // Two cores: more workers would only make the emulators' JVM and the tests fight over them.
    maxWorkers: 2,
  },
})
