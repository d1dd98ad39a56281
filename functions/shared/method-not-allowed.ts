import type { Hono, NotFoundHandler } from 'hono'

const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const

/**
 * The methods `app` routes for `path`, from its own router, so a route registered anywhere (a sub-app mounted with
 * `app.route`) counts. Middleware (`use`, method ALL) is not a route. HEAD goes wherever GET does (Hono answers
 * HEAD with the GET handler).
 */
export function allowedMethods(app: Hono<any, any, any>, path: string): string[] {
  const allowed: string[] = methods.filter((method) =>
    app.router.match(method, path)[0].some(([[, route]]) => route.method === method),
  )
  if (allowed.includes('GET')) allowed.splice(allowed.indexOf('GET') + 1, 0, 'HEAD')
  return allowed
}

/**
 * A not-found handler that answers 405 with `Allow` when the path exists under other methods (RFC 9110 §15.5.6),
 * and leaves a path no route knows to `notFound`. For the public API, whose CloudFront behaviour must allow every
 * method once it allows POST (infra/stacks/cdn.ts).
 */
export function methodNotAllowed(app: Hono<any, any, any>, notFound: NotFoundHandler): NotFoundHandler {
  return (c) => {
    const allowed = allowedMethods(app, c.req.path)
    if (allowed.length === 0 || allowed.includes(c.req.method)) return notFound(c)
    c.header('Allow', allowed.join(', '))
    return c.json({ error: `${c.req.method} is not allowed on ${c.req.path}; it takes ${allowed.join(', ')}.`, code: 'method_not_allowed' }, 405)
  }
}
