/** Where the public API serves the generated document (routes.ts), as the docs page and /for-utviklere link it. */
export const openApiPath = '/api/v1/openapi.json'
export const apiDocsPath = '/api/docs'
