// s3rver ships no type declarations; these cover what the local runner uses.
declare module 's3rver' {
  interface S3rverOptions {
    address?: string
    port?: number
    silent?: boolean
    directory?: string
    resetOnClose?: boolean
    vhostBuckets?: boolean
    allowMismatchedSignatures?: boolean
    configureBuckets?: Array<{ name: string; configs?: Array<string | Buffer> }>
  }
  export default class S3rver {
    constructor(options?: S3rverOptions)
    run(): Promise<{ address: string; port: number }>
    close(): Promise<void>
    /** S3-style event notifications (s3rver is a Koa app, so an EventEmitter). */
    on(event: 'event', listener: (event: import('aws-lambda').S3Event) => void): this
    off(event: 'event', listener: (event: import('aws-lambda').S3Event) => void): this
  }
}
