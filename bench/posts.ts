/**
 * Form posts under load, each sent once: what an exam submission needs (a submitted attempt is scored once; a
 * second post of the same answers is a different, cheaper request). Pure, so tests/bench can hold it to its
 * bounds with a stand-in `send`; bench/post-worker.ts runs it in a process of its own.
 */
export interface PostJob {
  /** Loopback origin, e.g. http://127.0.0.1:3000 */
  origin: string
  /** Each is posted once, in order, by whichever connection is free. */
  posts: Array<{ path: string; body: string }>
  connections: number
  /** Stop taking new posts after this many seconds, whatever is left. */
  duration: number
}

export interface PostAnswer {
  seconds: number
  /** Posts answered with the status the job expects. */
  responses: number
  unexpected: number
  errors: number
  /** Every expected answer's latency in ms. */
  latencies: number[]
}

/**
 * Sends `posts` with at most `connections` in flight until they run out or `duration` seconds have passed;
 * `send` answers the status. Never sends a post twice, never more than there are.
 */
export async function runPosts(
  job: Pick<PostJob, 'posts' | 'connections' | 'duration'>,
  send: (post: PostJob['posts'][number]) => Promise<number>,
  expected: number,
  now: () => number = () => performance.now(),
): Promise<PostAnswer> {
  const started = now()
  const deadline = started + job.duration * 1000
  const latencies: number[] = []
  let next = 0
  let unexpected = 0
  let errors = 0
  const connection = async () => {
    while (next < job.posts.length && now() < deadline) {
      const post = job.posts[next++]!
      const sent = now()
      try {
        const status = await send(post)
        if (status === expected) latencies.push(Math.round((now() - sent) * 100) / 100)
        else unexpected++
      } catch {
        errors++
      }
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, job.connections) }, connection))
  return { seconds: (now() - started) / 1000, responses: latencies.length, unexpected, errors, latencies }
}
