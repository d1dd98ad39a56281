import { App } from 'aws-cdk-lib'
import { Template } from 'aws-cdk-lib/assertions'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createStacks, type DeployOptions, type Stacks, type WebBuild } from '../../infra/stacks/index.ts'
import { buildWeb } from '../../web/build.ts'

const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

/** The feature flags `npx cdk synth` runs with, so tests see the same template the CLI produces. */
export function cdkJsonContext(): Record<string, unknown> {
  return JSON.parse(readFileSync(join(repoRoot, 'cdk.json'), 'utf8')).context
}

/** A deploy with a custom domain: the certificate ARN is only ever imported, never looked up. */
export const custom = {
  domainName: 'kompetansebroen.example.no',
  certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-123456789012',
}

export interface Synthesized {
  app: App
  stacks: Stacks
  templates: { auth: Template; data: Template; web: Template; edge: Template }
  outdir: string
  web: WebBuild
  cleanup(): void
}

export interface SynthOptions {
  deploy?: Partial<DeployOptions>
  /** Run esbuild for the Lambda code (slow); otherwise CDK stages a placeholder asset. */
  bundle?: boolean
  /** Use the real browser build; otherwise a one-file stand-in (the template does not depend on it). */
  realWebBuild?: boolean
}

/** Builds the app's stacks into a private temp outdir, exactly as infra/app.ts does minus buildWeb(). */
export async function synthesize(options: SynthOptions = {}): Promise<Synthesized> {
  const outdir = mkdtempSync(join(tmpdir(), 'kb-infra-'))
  const web = options.realWebBuild ? await privateWebBuild(outdir) : stubWebBuild(outdir)
  const app = new App({
    outdir,
    context: {
      ...cdkJsonContext(),
      // The CLI turns this on; the bundled-handler test finds each function's files through it.
      'aws:cdk:enable-asset-metadata': true,
      ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }),
    },
  })
  const stacks = createStacks(app, { stage: 'prod', ...options.deploy }, web)
  const templates = {
    auth: Template.fromStack(stacks.auth),
    data: Template.fromStack(stacks.data),
    web: Template.fromStack(stacks.web),
    edge: Template.fromStack(stacks.edge),
  }
  return { app, stacks, templates, outdir, web, cleanup: () => rmSync(outdir, { recursive: true, force: true }) }
}

function stubWebBuild(outdir: string): WebBuild {
  const assetsDir = join(outdir, 'web-assets')
  mkdirSync(assetsDir, { recursive: true })
  writeFileSync(join(assetsDir, 'site-TEST.css'), 'body{}')
  return { assetsDir, manifest: { 'site.css': '/assets/site-TEST.css' } }
}

/** A real browser build into our own outdir, so parallel builds (other test files, npm start) can't interfere. */
async function privateWebBuild(outdir: string): Promise<WebBuild> {
  const assetsDir = join(outdir, 'web-assets')
  return { assetsDir, manifest: await buildWeb(assetsDir) }
}

/** Resources of one type as `[logicalId, resource]` pairs. */
export function resourcesOf(template: Template, type: string): Array<[string, any]> {
  return Object.entries(template.findResources(type))
}

/** The one resource of a type whose logical id starts with `prefix`. */
export function resource(template: Template, type: string, prefix: string): [string, any] {
  const found = resourcesOf(template, type).filter(([id]) => id.startsWith(prefix))
  if (found.length !== 1) throw new Error(`expected one ${type} named ${prefix}*, found ${found.map(([id]) => id).join(', ') || 'none'}`)
  return found[0]!
}

/** A deploy that sends e-mail (`-c sesIdentity`): event sign-ups' and the newsletter's. */
export const sesDeploy = { sesIdentity: 'kompetansebroen.example.no' }

/** A deployment with an SES identity and the default one without, synthesized side by side. */
export async function synthesizeWithAndWithoutMail(): Promise<[withMail: Synthesized, withoutMail: Synthesized]> {
  return Promise.all([synthesize({ deploy: sesDeploy }), synthesize()])
}

/** The default deployment and one with a custom domain and certificate, synthesized side by side. */
export async function synthesizeBoth(): Promise<{ plain: Synthesized; withDomain: Synthesized; cleanup(): void }> {
  const [plain, withDomain] = await Promise.all([synthesize(), synthesize({ deploy: custom })])
  return { plain, withDomain, cleanup: () => [plain, withDomain].forEach((s) => s.cleanup()) }
}
