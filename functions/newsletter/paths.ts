/**
 * Addresses of the newsletter's reader pages, all served by the events function (`eventsPathPatterns`,
 * infra/definitions.ts: `/*\/nyhetsbrev*`). Tokens go in the path, never a query string: a log keeps the path with it
 * either way, and the one-click POST (RFC 8058) goes to exactly the URL in List-Unsubscribe.
 */
export const subscribePath = (tenant: string) => `/${tenant}/nyhetsbrev`
export const checkInboxPath = (tenant: string) => `${subscribePath(tenant)}/sjekk-innboksen`
export const confirmPath = (tenant: string, token: string) => `${subscribePath(tenant)}/bekreft/${token}`
export const preferencesPath = (tenant: string, token: string) => `${subscribePath(tenant)}/innstillinger/${token}`
export const unsubscribePath = (tenant: string, token: string) => `${subscribePath(tenant)}/avmelding/${token}`
