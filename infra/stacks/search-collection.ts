import { CfnAccessPolicy, CfnCollection, CfnSecurityPolicy } from 'aws-cdk-lib/aws-opensearchserverless'
import { PolicyStatement } from 'aws-cdk-lib/aws-iam'
import { Construct } from 'constructs'
import type { AppLambda } from './app-lambda.ts'

export interface SearchCollectionProps {
  prefix: string
  /** The search function: the one role that reads and writes the collection. */
  search: AppLambda
}

/**
 * The road beyond the in-memory index (docs/search.md): an Amazon OpenSearch Serverless search collection for the
 * search function, provisioned only with `-c searchBackend=opensearch`. Encrypted with an AWS-owned key; reached over
 * its public endpoint (the functions run outside a VPC) but only with SigV4 from the search function's role, the one
 * principal of its data access policy. The function gets the endpoint as OPENSEARCH_ENDPOINT. Its code does not use
 * the collection yet: the backend behind the same SearchIndex interface is the next step when an index outgrows
 * memory, and this keeps its infrastructure synthesized and checked meanwhile (an OCU costs from the first hour).
 */
export class SearchCollection extends Construct {
  readonly collection: CfnCollection

  constructor(scope: Construct, id: string, props: SearchCollectionProps) {
    super(scope, id)
    // Collection names: 3–32 lowercase letters, digits and hyphens.
    const name = `${props.prefix}-search`.replace(/^kompetansebroen-/, 'kb-').slice(0, 32)
    const resource = [`collection/${name}`]
    const encryption = new CfnSecurityPolicy(this, 'Encryption', {
      name: `${name}-enc`,
      type: 'encryption',
      description: 'Search collection encrypted at rest with an AWS-owned key',
      policy: JSON.stringify({ Rules: [{ ResourceType: 'collection', Resource: resource }], AWSOwnedKey: true }),
    })
    const network = new CfnSecurityPolicy(this, 'Network', {
      name: `${name}-net`,
      type: 'network',
      description: 'Public endpoint, SigV4 only: the functions run outside a VPC',
      policy: JSON.stringify([{ Rules: [{ ResourceType: 'collection', Resource: resource }], AllowFromPublic: true }]),
    })
    const data = new CfnAccessPolicy(this, 'DataAccess', {
      name: `${name}-data`,
      type: 'data',
      description: 'Only the search function reads and writes the search indexes',
      policy: JSON.stringify([
        {
          Rules: [
            { ResourceType: 'index', Resource: [`index/${name}/*`], Permission: ['aoss:CreateIndex', 'aoss:UpdateIndex', 'aoss:DescribeIndex', 'aoss:ReadDocument', 'aoss:WriteDocument'] },
          ],
          Principal: [props.search.role.roleArn],
        },
      ]),
    })
    this.collection = new CfnCollection(this, 'Collection', { name, type: 'SEARCH', description: 'Kompetansebroen search (issue 12), beyond the in-memory index', standbyReplicas: 'ENABLED' })
    this.collection.addDependency(encryption)
    this.collection.addDependency(network)
    this.collection.addDependency(data)
    props.search.role.addToPolicy(new PolicyStatement({ actions: ['aoss:APIAccessAll'], resources: [this.collection.attrArn] }))
    props.search.fn.addEnvironment('OPENSEARCH_ENDPOINT', this.collection.attrCollectionEndpoint)
  }
}
