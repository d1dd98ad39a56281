import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { matchesPathPattern, searchPathPatterns } from '../../infra/definitions.ts'
import { AwsSolutionsChecks } from 'cdk-nag'
import { resource, resourcesOf, synthesize, type Synthesized } from './synth.ts'

/** Issue 12: search is a function of its own, reading only, behind behaviours of its own. */
describe('search function', { timeout: 120_000 }, () => {
  let synth: Synthesized
  beforeAll(async () => {
    synth = await synthesize()
  })
  afterAll(() => synth?.cleanup())

  const config = () => resource(synth.templates.web, 'AWS::CloudFront::Distribution', 'CdnDistribution')[1].Properties.DistributionConfig
  const behavior = (pattern: string) => config().CacheBehaviors.find((b: any) => b.PathPattern === pattern)

  it('matches the search API and pages, with their query strings, and nothing of the site', () => {
    const search = (path: string) => searchPathPatterns.some((pattern) => matchesPathPattern(pattern, path))
    for (const path of ['/api/v1/search', '/api/v1/search/suggestions', '/sok', '/innlandet/sok']) expect(search(path), path).toBe(true)
    for (const path of ['/', '/sokrates', '/innlandet', '/innlandet/sokkel', '/innlandet/artikler/sokkel', '/api/v1/editions', '/sok/x']) expect(search(path), path).toBe(false)
  })

  it('runs from functions/entry/search.ts with the site’s assets, and its role only reads the content table', () => {
    const [, fn] = resource(synth.templates.web, 'AWS::Lambda::Function', 'FunctionsSearchFunction')
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs24.x', MemorySize: 1536, Timeout: 10 })
    expect(JSON.parse(fn.Properties.Environment.Variables.ASSETS)).toEqual(synth.web.manifest)
    const statements = resourcesOf(synth.templates.web, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith('FunctionsSearchRole')))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    const actions = [...new Set(statements.flatMap((s: any) => [s.Action].flat()).filter((a: string) => !a.startsWith('logs:')))].sort()
    expect(actions).toEqual(['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'])
  })

  it('serves its three behaviours from one origin, GET and HEAD only, cached like reader pages and keyed on the query string', () => {
    const targets = new Set(searchPathPatterns.map((pattern) => behavior(pattern).TargetOriginId))
    expect(targets.size).toBe(1)
    const origin = config().Origins.find((o: any) => o.Id === [...targets][0])
    const urlId = origin.DomainName['Fn::Select'][1]['Fn::Split'][1]['Fn::GetAtt'][0]
    expect(synth.templates.web.toJSON().Resources[urlId].Properties.TargetFunctionArn['Fn::GetAtt'][0]).toMatch(/^FunctionsSearchFunction/)
    const pages = config().DefaultCacheBehavior.CachePolicyId
    for (const pattern of searchPathPatterns) {
      const b = behavior(pattern)
      expect(b.AllowedMethods, pattern).toEqual(['GET', 'HEAD'])
      expect(b.CachePolicyId, pattern).toEqual(pages)
      expect(b.CachePolicyId).not.toBe(CachePolicy.CACHING_DISABLED.cachePolicyId)
      expect(b.OriginRequestPolicyId).toBe(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId)
      expect(b.LambdaFunctionAssociations, pattern).toBeUndefined()
    }
  })
})

/** The road beyond memory (docs/search.md): an OpenSearch Serverless collection, only behind its context flag. */
describe('search collection behind -c searchBackend=opensearch', { timeout: 120_000 }, () => {
  let plain: Synthesized
  let flagged: Synthesized
  beforeAll(async () => {
    ;[plain, flagged] = await Promise.all([synthesize(), synthesize({ deploy: { searchBackend: 'opensearch' } })])
  })
  afterAll(() => [plain, flagged].forEach((s) => s?.cleanup()))

  it('is not provisioned by default', () => {
    expect(resourcesOf(plain.templates.web, 'AWS::OpenSearchServerless::Collection')).toEqual([])
  })

  it('provisions an encrypted search collection that only the search function’s role may use, and tells the function where it is', () => {
    const [, collection] = resource(flagged.templates.web, 'AWS::OpenSearchServerless::Collection', 'SearchCollection')
    expect(collection.Properties).toMatchObject({ Type: 'SEARCH', Name: 'kb-prod-search' })
    const policies = resourcesOf(flagged.templates.web, 'AWS::OpenSearchServerless::SecurityPolicy').map(([, p]) => [p.Properties.Type, JSON.parse(p.Properties.Policy)])
    expect(Object.fromEntries(policies)).toEqual({
      encryption: { Rules: [{ ResourceType: 'collection', Resource: ['collection/kb-prod-search'] }], AWSOwnedKey: true },
      network: [{ Rules: [{ ResourceType: 'collection', Resource: ['collection/kb-prod-search'] }], AllowFromPublic: true }],
    })
    const [, access] = resource(flagged.templates.web, 'AWS::OpenSearchServerless::AccessPolicy', 'SearchCollection')
    // The policy names the search role's ARN (a token joined into the JSON): the one principal.
    expect(JSON.stringify(access.Properties.Policy)).toMatch(/FunctionsSearchRole/)
    expect(JSON.stringify(access.Properties.Policy)).not.toMatch(/Functions(Site|PublicApi|EditorApi|Exams)Role/)
    const [, fn] = resource(flagged.templates.web, 'AWS::Lambda::Function', 'FunctionsSearchFunction')
    expect(fn.Properties.Environment.Variables.OPENSEARCH_ENDPOINT).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^SearchCollection/), 'CollectionEndpoint'] })
    const statements = resourcesOf(flagged.templates.web, 'AWS::IAM::Policy')
      .filter(([, p]) => p.Properties.Roles.some((r: any) => String(r.Ref).startsWith('FunctionsSearchRole')))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement)
    expect(statements.find((s: any) => s.Action === 'aoss:APIAccessAll')?.Resource).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^SearchCollection/), 'Arn'] })
  })

  it('passes cdk-nag AwsSolutions with nothing acknowledged for it', () => {
    const findings = new AwsSolutionsChecks().validateScope(flagged.stacks.web).violations
    expect(findings.filter((finding: { ruleName?: string; violatingResources?: Array<{ resourceLogicalId?: string }> }) => JSON.stringify(finding).includes('SearchCollection'))).toEqual([])
  })
})
