/**
 * The page-view beacon (issue 15): once the page has loaded, one `navigator.sendBeacon` with what the server wrote
 * into `<meta name="kb-view">` (edition and item address, web/site/page-view.ts), nothing else: no cookie, no
 * storage, no id, nothing read from the browser. A prerendered page counts only if the reader opens it; automated
 * browsers (navigator.webdriver) are not counted. functions/analytics/page-view-routes.ts checks and counts it.
 */
const view = document.querySelector<HTMLMetaElement>('meta[name=kb-view]')
const send = () => navigator.webdriver || navigator.sendBeacon?.('/api/v1/views', new URLSearchParams(view!.content))
if (view) {
  const afterLoad = () => (document.readyState == 'complete' ? send() : addEventListener('load', send, { once: true }))
  if ((document as { prerendering?: boolean }).prerendering) document.addEventListener('prerenderingchange', afterLoad, { once: true })
  else afterLoad()
}
