import { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { createLocalRouter } from '../../../infra/local/router.ts'

/** The local router plays the calendars' CloudFront behaviours (issue 13): GET and HEAD to the events function, nothing else. */
describe('calendar paths through the local router', () => {
  const origin = (name: string) => ({ fetch: (request: Request) => new Response(`${name} ${new URL(request.url).pathname}`) })
  const none = origin('other')
  const router = createLocalRouter({
    site: origin('site'),
    events: origin('events'),
    search: origin('search'),
    publicApi: none,
    exams: none,
    editorApi: none,
    s3: new S3Client({ region: 'eu-north-1' }),
    mediaBucket: 'unused',
    assetsDir: '/nonexistent',
  })
  const get = async (path: string, method = 'GET') => {
    const response = await router.request(`http://127.0.0.1${path}`, { method })
    return method === 'HEAD' ? String(response.status) : response.text()
  }

  it('sends the national, edition and event calendars to the events function, with the query string', async () => {
    for (const path of ['/arrangementer.ics', '/akershus/arrangementer.ics', '/akershus/arrangementer/fagdag.ics']) expect(await get(path), path).toBe(`events ${path}`)
    expect(await get('/akershus/arrangementer.ics?tema=demens')).toBe('events /akershus/arrangementer.ics')
    expect(await get('/akershus/arrangementer.ics', 'HEAD')).toBe('200')
  })

  it('keeps the pages with the site, and refuses what the behaviour does not allow', async () => {
    for (const path of ['/arrangementer', '/akershus/arrangementer', '/akershus/arrangementer/fagdag']) expect(await get(path), path).toBe(`site ${path}`)
    const posted = await router.request('http://127.0.0.1/akershus/arrangementer.ics', { method: 'POST', body: 'x', headers: { 'content-type': 'text/plain' } })
    expect(posted.status).toBe(403)
  })
})
