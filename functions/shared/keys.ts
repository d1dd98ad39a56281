/**
 * The partition every tenant's records share in the content table (docs/data-model.md). Built here once, so
 * content and media can never disagree about where a tenant's records live.
 */
export const tenantPk = (tenant: string) => `TENANT#${tenant}`
