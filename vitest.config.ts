import { defineConfig } from 'vitest/config'

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    // One DynamoDB Local + s3rver pair for the whole run; each test file makes its own tables and bucket.
    globalSetup: ['tests/setup/global.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Generous because the whole suite shares one DynamoDB Local on two cores, and since search, the outbox and the
    // sign-ups each publish is a larger transaction and every seeded system holds 155 items: a test that waits here is
    // slow, not broken (what a user waits for is measured by npm run bench, never by these limits).
    testTimeout: 300_000,
    hookTimeout: 600_000,
    // expect.poll's own default is one second: a save the browser test waits for may take longer on a loaded machine.
    expect: { poll: { timeout: 20_000 } },
    // Two cores: more workers would only make the emulators' JVM and the tests fight over them.
    maxWorkers: 2,
  },
})
