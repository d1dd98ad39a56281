/** Client options shared by every SDK client we build (kept apart so no client's module pulls in another). */

// Emulators accept any credentials; giving fixed ones keeps the SDK from searching the machine for real ones.
export const emulatorCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }

// A logger without `info`: the SDK otherwise filters and copies every response for an info log nobody reads.
// Failures still reach the caller as thrown errors; the SDK need not print them too.
export const quietLogger = { debug() {}, warn() {}, error() {} } as unknown as Console
