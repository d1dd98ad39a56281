import { XMLParser } from 'fast-xml-parser'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** An invalidation CloudFront was asked for, as the stub read it off the wire. */
export interface ReceivedInvalidation {
  distributionId: string
  paths: string[]
  callerReference: string
}

const xmlns = 'http://cloudfront.amazonaws.com/doc/2020-05-31/'
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * CloudFront's CreateInvalidation on loopback (REST-XML, `POST /2020-05-31/distribution/{id}/invalidation`), for
 * tests that send real SDK requests (`endpoint` or AWS_ENDPOINT_URL_CLOUDFRONT pointed here) instead of mocking the
 * SDK. `refuse` makes the next requests fail as CloudFront does when too many invalidations are in flight.
 */
export async function startCloudFrontStub() {
  const received: ReceivedInvalidation[] = []
  let refusals = 0
  const parser = new XMLParser({ isArray: (name) => name === 'Path' })
  const server = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const match = request.url?.match(/^\/2020-05-31\/distribution\/([^/]+)\/invalidation$/)
      if (request.method !== 'POST' || !match) {
        response.writeHead(404).end()
        return
      }
      if (refusals > 0) {
        refusals--
        response.writeHead(400, { 'content-type': 'text/xml' })
        response.end(
          `<?xml version="1.0"?><ErrorResponse xmlns="${xmlns}"><Error><Type>Sender</Type><Code>TooManyInvalidationsInProgress</Code>` +
            '<Message>Processing your request will cause you to exceed the maximum number of in-progress wildcard invalidations.</Message></Error><RequestId>stub</RequestId></ErrorResponse>',
        )
        return
      }
      const batch = parser.parse(body).InvalidationBatch
      const invalidation: ReceivedInvalidation = { distributionId: decodeURIComponent(match[1]!), paths: batch.Paths.Items?.Path ?? [], callerReference: String(batch.CallerReference) }
      received.push(invalidation)
      const id = `I${received.length}`
      response.writeHead(201, { 'content-type': 'text/xml', location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${match[1]}/invalidation/${id}` })
      response.end(
        `<?xml version="1.0"?><Invalidation xmlns="${xmlns}"><Id>${id}</Id><Status>InProgress</Status><CreateTime>${new Date().toISOString()}</CreateTime>` +
          `<InvalidationBatch><Paths><Quantity>${invalidation.paths.length}</Quantity><Items>${invalidation.paths.map((path) => `<Path>${escape(path)}</Path>`).join('')}</Items></Paths>` +
          `<CallerReference>${escape(invalidation.callerReference)}</CallerReference></InvalidationBatch></Invalidation>`,
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    endpoint,
    received,
    refuse(times: number) {
      refusals = times
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
