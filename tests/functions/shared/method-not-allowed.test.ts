import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { onApiNotFound } from '../../../functions/shared/api-errors.ts'
import { allowedMethods, methodNotAllowed } from '../../../functions/shared/method-not-allowed.ts'

/** An app shaped like the public API: a base path, middleware, and routes mounted from sub-apps. */
function app() {
  const reading = new Hono().get('/editions', (c) => c.json({ items: [] })).get('/items/:tenant/:type/:slug', (c) => c.json({}))
  const forms = new Hono().post('/exams/:course/attempts', (c) => c.text('created', 201))
  const api = new Hono().basePath('/api')
  api.use('*', async (_c, next) => next())
  api.route('/v1', reading)
  api.route('/v1', forms)
  api.notFound(methodNotAllowed(api, onApiNotFound))
  return api
}

describe('405 for a method a route does not take', () => {
  it('lists the methods a path takes, HEAD wherever GET is, middleware not counted', () => {
    const api = app()
    expect(allowedMethods(api, '/api/v1/editions')).toEqual(['GET', 'HEAD'])
    expect(allowedMethods(api, '/api/v1/exams/hygiene/attempts')).toEqual(['POST'])
    expect(allowedMethods(api, '/api/v1/nothing')).toEqual([])
  })

  it.each([
    ['POST', '/api/v1/editions', 'GET, HEAD'],
    ['DELETE', '/api/v1/items/innlandet/artikler/x', 'GET, HEAD'],
    ['OPTIONS', '/api/v1/editions', 'GET, HEAD'],
    ['GET', '/api/v1/exams/hygiene/attempts', 'POST'],
    ['PUT', '/api/v1/exams/hygiene/attempts', 'POST'],
  ])('answers %s %s with 405, Allow: %s, and the JSON error shape', async (method, path, allow) => {
    const response = await app().request(path, { method })
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe(allow)
    expect(await response.json()).toMatchObject({ code: 'method_not_allowed' })
  })

  it('still answers 404 for a path no route knows, whatever the method, and routes what it takes', async () => {
    for (const method of ['GET', 'POST', 'PATCH']) expect((await app().request('/api/v1/nothing', { method })).status).toBe(404)
    expect((await app().request('/api/v1/exams/hygiene/attempts', { method: 'POST' })).status).toBe(201)
    expect((await app().request('/api/v1/editions', { method: 'HEAD' })).status).toBe(200)
  })
})
