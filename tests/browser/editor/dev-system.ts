import { startLocalSystem } from '../../../infra/local/system.ts'

/**
 * The local system for looking at the workspace by hand (screenshots, axe) without touching `npm start`'s
 * shared build folder: own data folder, assets built once into a temporary folder.
 *   npx tsx tests/browser/editor/dev-system.ts 3456
 */
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'
const port = Number(process.argv[2] ?? 3456)
const system = await startLocalSystem({ port, dataDir: process.env.DATA_DIR ?? '/tmp/kb-editor-dev', watch: false, log: console.log })
console.log(`ready ${system.url}`)
const stop = async () => {
  await system.stop()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
