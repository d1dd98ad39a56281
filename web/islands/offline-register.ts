/**
 * Registers the service worker (web/sw/sw.ts, served at /sw.js so its scope is the whole site) on every reader page,
 * so content a reader saved opens without a network (issue 14). It serves only what was saved; the rest of the site
 * behaves as without it.
 */
void navigator.serviceWorker?.register('/sw.js').catch(() => {
  // No worker (private mode, blocked): the site works as before, without offline reading.
})
