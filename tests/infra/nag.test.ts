import { Validations, type Stack } from 'aws-cdk-lib'
import { AwsSolutionsChecks } from 'cdk-nag'
import type { IConstruct } from 'constructs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { custom, synthesize, type Synthesized, type SynthOptions } from './synth.ts'

interface Acknowledgement {
  path: string
  id: string
  reason: string
}

/** Every `Validations.of(x).acknowledge()` in the tree, with the construct it was made on. */
function acknowledgementsIn(root: IConstruct): Acknowledgement[] {
  return root.node.findAll().flatMap((construct) =>
    construct.node.metadata
      .filter((entry) => entry.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY && entry.data)
      .flatMap((entry) =>
        Object.entries(entry.data as Record<string, string>).map(([key, reason]) => ({
          path: construct.node.path,
          id: key.replace(/^annotation::/i, ''),
          reason,
        })),
      ),
  )
}

/** cdk-nag's findings as if nothing had been acknowledged: proves each acknowledgement is still needed. */
function rawFindings(stack: Stack) {
  const pack = new AwsSolutionsChecks()
  ;(pack as unknown as { isAcknowledged: () => boolean }).isAcknowledged = () => false
  return pack.validateScope(stack).violations
}

const variants: Array<[string, SynthOptions]> = [
  ['default deploy (no custom domain)', {}],
  [
    'custom domain, certificate, web ACL, tracing, alarm e-mail and SES sender',
    {
      deploy: {
        ...custom,
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/kompetansebroen/0f1e2d3c-aaaa-bbbb-cccc-123456789012',
        // Issue 15's opt-ins: X-Ray's write statement, the alarm mails and Cognito's SES sender.
        tracing: true,
        alarmEmail: 'vakt@kompetansebroen.example.no',
        cognitoEmail: 'no-reply@kompetansebroen.example.no',
      },
    },
  ],
]

describe.each(variants)('cdk-nag AwsSolutions, %s', { timeout: 120_000 }, (_name, options) => {
  let synth: Synthesized
  let stacks: Stack[]
  beforeAll(async () => {
    synth = await synthesize(options)
    stacks = Object.values(synth.stacks)
  })
  afterAll(() => synth?.cleanup())

  it('reports no unacknowledged errors or warnings in any stack', () => {
    for (const stack of stacks) {
      const report = new AwsSolutionsChecks(synth.app).validateScope(stack)
      const findings = report.violations.map(
        (v) => `${v.severity} ${v.ruleName} at ${v.violatingResources.map((r) => r.constructPath).join(', ')}`,
      )
      expect(findings, stack.stackName).toEqual([])
      expect(report.success).toBe(true)
    }
  })

  it('gives every acknowledgement a reason a reviewer can check', () => {
    const acknowledgements = acknowledgementsIn(synth.app)
    expect(acknowledgements.length).toBeGreaterThan(0)
    for (const { path, id, reason } of acknowledgements) {
      expect(id, path).toMatch(/^AwsSolutions-[A-Z]+\d+(\[.+\])?$/)
      expect(reason.length, `${id} at ${path}`).toBeGreaterThanOrEqual(80)
      expect(reason.split(/\s+/).length, `${id} at ${path}`).toBeGreaterThanOrEqual(15)
      expect(reason, `${id} at ${path}`).not.toMatch(/\b(todo|tbd|fixme|ignore|not needed|false positive)\b/i)
    }
  })

  it('acknowledges nothing that is not actually found (no stale or over-broad acknowledgements)', () => {
    const findings = stacks.flatMap(rawFindings)
    for (const { path, id } of acknowledgementsIn(synth.app)) {
      const covered = findings.some(
        (f) => f.ruleName === id && f.violatingResources.some((r) => r.constructPath === path || r.constructPath?.startsWith(`${path}/`)),
      )
      expect(covered, `${id} acknowledged at ${path} but not found there`).toBe(true)
    }
  })
})
