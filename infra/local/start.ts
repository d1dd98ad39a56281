import { resolve } from 'node:path'
import { EmulatorStartError } from './emulators.ts'
import { demoEditors, demoPassword } from './demo-editors.ts'
import { startLocalSystem } from './system.ts'

/** `npm start`: the whole system on http://127.0.0.1:3000 (PORT overrides), data kept in .data/ (DATA_DIR overrides). */
const port = Number(process.env.PORT ?? 3000)
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`PORT must be a number from 1 to 65535 (got "${process.env.PORT}")`)
  process.exit(1)
}

// The SDK warns that releases from 2027 need Node 22; this machine has Node 20 and the code stays Node-20-safe.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'

// Absolute before anything else sees it: DynamoDB Local runs in its own package folder, where a relative
// path would point inside node_modules.
const dataDir = resolve(process.env.DATA_DIR || '.data')

const started = Date.now()
try {
  const system = await startLocalSystem({
    port,
    scormPort: Number(process.env.SCORM_PORT ?? port + 1),
    dataDir,
    watch: true,
    seedInBackground: true,
    log: (line) => console.log(`  ${line}`),
  })
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1)
  console.log(`\nKompetansebroen is running on ${system.url} (ready in ${seconds()} s)`)
  console.log(`  Data            ${dataDir} (delete it to start afresh)`)
  console.log(`  Reader site     ${system.url}/`)
  console.log(`  Regional        ${system.url}/innlandet`)
  console.log(`  Public API      ${system.url}/api/v1/editions · ${system.url}/api/health`)
  console.log(`  Editor          ${system.url}/redaktor/`)
  console.log(`  SCORM origin    ${system.scormUrl} (packages play here, apart from the site)`)
  console.log(`  Sent e-mail     ${system.sesUrl}/ (event sign-ups' mail, as SES would send it)`)
  console.log(`\nDemo editor accounts (password: ${demoPassword}):`)
  for (const editor of demoEditors) console.log(`  ${editor.username.padEnd(24)} ${editor.name} · ${editor.groups.join(', ')}`)
  console.log('\nPress Ctrl-C to stop.')
  const inPlace = await Promise.race([system.seeded.then(() => true), new Promise<false>((resolve) => setTimeout(resolve, 0, false))])
  if (!inPlace) console.log('\nDemo items are being put in place; pages fill in as they arrive (a first start encodes every demo picture).')
  void system.seeded.then(() => console.log(`  Demo content in place (${seconds()} s after start)`))
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    console.log('\nStopping…')
    await system.stop()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
} catch (error) {
  if (error instanceof EmulatorStartError) console.error(error.message)
  else console.error(error)
  process.exit(1)
}
