/** The targets and the reference figures it gives for this machine (2 cores). */
export const targets = {
  /** Origin render throughput as a share of the bare same-queries endpoint. */
  originShareOfBare: 0.8,
  /** ≥ 10× the stock WordPress figure below. */
  originRequestsPerSecond: 320,
  originP50Ms: 30,
  dynamoRequestsPerPage: 2,
  pageGzipBytes: 15 * 1024,
  jsGzipBytes: 8 * 1024,
  /** index.mjs as esbuild wrote it (what CDK uploads and Node parses at a cold start). */
  lambdaBundleBytes: 300 * 1024,
  lambdaInitMs: 80,
  lighthouse: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  /** p99 of the deep listing page over p99 of the first. */
  deepPageP99Ratio: 1.5,
} as const

/** Measured on this same 2-core machine (from the issue), for scale. */
export const reference = {
  wordpress: { requestsPerSecond: 32, p99Ms: 470, pageGzipBytes: { low: 17 * 1024, high: 20 * 1024 } },
  bareHonoPreact: { requestsPerSecond: 400, p50Ms: 18, p99Ms: 90 },
} as const
