/** The targets and the reference figures it gives for this machine (2 cores). */
export const targets = {
  /** Origin render throughput as a share of the bare same-queries endpoint (issue 16: home, listing and item). */
  originShareOfBare: 0.9,
  /** ≥ 10× the stock WordPress figure below. */
  originRequestsPerSecond: 320,
  originP50Ms: 30,
  dynamoRequestsPerPage: 2,
  pageGzipBytes: 15 * 1024,
  jsGzipBytes: 8 * 1024,
  /**
   * Per Lambda function, by its id (its entry's name in functions/entry, as bench/bundles.ts names it):
   * index.mjs as esbuild wrote it (what CDK uploads and Node parses at a cold start), and module init with the
   * function's own NODE_OPTIONS (source maps on). A function not listed is shown with "no target".
   */
  lambdas: {
    site: { bundleBytes: 250 * 1024, initMs: 60 },
    'public-api': { bundleBytes: 250 * 1024, initMs: 60 },
    'editor-api': { bundleBytes: 600 * 1024, initMs: 120 },
  } as Record<string, { bundleBytes: number; initMs: number } | undefined>,
  lighthouse: { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 },
  /** p99 of the deep listing page over p99 of the first. */
  deepPageP99Ratio: 1.5,
} as const

/** Measured on this same 2-core machine (from the issue), for scale. */
export const reference = {
  wordpress: { requestsPerSecond: 32, p99Ms: 470, pageGzipBytes: { low: 17 * 1024, high: 20 * 1024 } },
  bareHonoPreact: { requestsPerSecond: 400, p50Ms: 18, p99Ms: 90 },
} as const
