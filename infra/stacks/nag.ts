import { DefaultStackSynthesizer, Stack, Validations, type CfnResource } from 'aws-cdk-lib'
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

/** The CDK bootstrap staging bucket's objects, which asset-consuming custom resources read. */
export function stagingBucketFinding(scope: IConstruct): string {
  const qualifier = scope.node.tryGetContext('@aws-cdk/core:bootstrapQualifier') ?? DefaultStackSynthesizer.DEFAULT_QUALIFIER
  return `Resource::arn:<AWS::Partition>:s3:::cdk-${qualifier}-assets-<AWS::AccountId>-<AWS::Region>/*`
}

export function acknowledge(construct: IConstruct, reason: string, ...ids: string[]): void {
  for (const id of ids) Validations.of(construct).acknowledge({ id, reason })
}
