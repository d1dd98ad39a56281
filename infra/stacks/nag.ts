import { DefaultStackSynthesizer, Stack, Token, Validations, type CfnResource } from 'aws-cdk-lib'
import type { IConstruct } from 'constructs'

/**
 * cdk-nag 3 names a wildcard finding after the resource exactly as it appears in the template, e.g.
 * `Resource::<BucketsMedia5BAFF3AF.Arn>/tenants/*`. These helpers build those names from the constructs,
 * so an acknowledgement survives a logical-id change and cannot silently cover some other resource.
 */
export function arnFinding(resource: IConstruct, suffix: string): string {
  const cfn = (resource.node.defaultChild ?? resource) as CfnResource
  const stack = Stack.of(resource)
  return `Resource::<${stack.resolve(stack.getLogicalId(cfn))}.Arn>${suffix}`
}

/**
 * A stack's partition, account and region as cdk-nag writes them in a finding: the value where the stack knows it
 * at synth time (an explicit region fixes the partition too), the pseudo parameter's name where it does not.
 */
export function findingEnv(scope: IConstruct): { partition: string; account: string; region: string } {
  const stack = Stack.of(scope)
  const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value)
  return { partition: known(stack.partition, 'Partition'), account: known(stack.account, 'AccountId'), region: known(stack.region, 'Region') }
}

/** The CDK bootstrap staging bucket's objects, which asset-consuming custom resources read. */
export function stagingBucketFinding(scope: IConstruct): string {
  const qualifier = scope.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER
  const { partition, account, region } = findingEnv(scope)
  return `Resource::arn:${partition}:s3:::cdk-${qualifier}-assets-${account}-${region}/*`
}

export function acknowledge(construct: IConstruct, reason: string, ...ids: string[]): void {
  for (const id of ids) Validations.of(construct).acknowledge({ id, reason })
}
