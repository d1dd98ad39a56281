import { App, Validations } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import { fileURLToPath } from 'node:url'
import { buildWeb } from '../web/build.ts'
import { createStacks, deployOptionsFromContext } from './stacks/index.ts'

/**
 * `npx cdk synth` / `npx cdk deploy --all`. Offline and credential-free: the stacks are environment-agnostic
 * and everything is bundled locally (esbuild, no Docker).
 *
 * Context: -c stage=prod (default) · -c domainName=… -c certificateArn=arn:aws:acm:us-east-1:… ·
 * -c webAclArn=… (optional AWS WAF web ACL).
 */
const app = new App()

// The browser build comes first: its files are deployed to the assets bucket and its manifest is the
// site function's ASSETS variable, so a fresh clone synthesizes without a separate build step. It gets a
// folder of its own, so a running `npm start` (which rebuilds dist/web/assets) can't change it mid-synth.
const assetsDir = fileURLToPath(new URL('../dist/cdk/web-assets', import.meta.url))
const manifest = await buildWeb(assetsDir)
createStacks(app, deployOptionsFromContext(app), { assetsDir, manifest })

// cdk-nag AwsSolutions as a validation plugin: synth fails on any finding not acknowledged with a reason.
Validations.of(app).addPlugins(new AwsSolutionsChecks(app))

app.synth()
