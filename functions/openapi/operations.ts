import type * as z from 'zod/v4/core'
import { cardsQuerySchema, editionParamsSchema, itemParamsSchema, listQuerySchema } from '../content/public-schema.ts'
import { oembedQuerySchema } from '../embeds/schema.ts'
import { searchQuerySchema, suggestQuerySchema } from '../search/routes.ts'
import * as responses from './responses.ts'

/** One documented GET: the schemas its route validates with, and the schema of its 200. */
export interface Operation {
  path: string
  operationId: string
  tag: 'Innhold' | 'Søk' | 'Innebygging'
  summary: string
  description?: string
  params?: z.$ZodObject
  query?: z.$ZodObject
  response: z.$ZodType
  /** The error statuses it may answer besides 400 (which every operation with parameters may). */
  errors?: number[]
}

/**
 * The public API's GET routes (functions/public-api.ts, search/routes.ts) with the very schemas their handlers parse,
 * so the generated document (generate.ts) says what the code does. tests/functions/openapi checks that every served
 * `/api/v1` route is here and that real answers fit the responses.
 */
export const operations: Operation[] = [
  { path: '/api/v1/editions', operationId: 'listEditions', tag: 'Innhold', summary: 'The editions (tenants): id, name and region.', response: responses.editionsResponse },
  { path: '/api/v1/topics', operationId: 'listTopics', tag: 'Innhold', summary: 'The topics: slug, name and summary.', response: responses.topicsResponse },
  {
    path: '/api/v1/editions/{edition}/items',
    operationId: 'listEditionItems',
    tag: 'Innhold',
    summary: "An edition's published content as cards, newest first, cursor-paged.",
    params: editionParamsSchema,
    query: listQuerySchema,
    response: responses.itemsPageResponse,
    errors: [404],
  },
  {
    path: '/api/v1/items/{tenant}/{type}/{slug}',
    operationId: 'getItem',
    tag: 'Innhold',
    summary: 'One published item with all its fields.',
    description: 'A withdrawn item answers 410, one never published 404.',
    params: itemParamsSchema,
    response: responses.itemResponse,
    errors: [404, 410],
  },
  {
    path: '/api/v1/cards',
    operationId: 'getCards',
    tag: 'Innhold',
    summary: 'The cards of up to 50 item or episode pages, each with its status (200, 404 or 410), in the order asked.',
    query: cardsQuerySchema,
    response: responses.cardsResponse,
  },
  {
    path: '/api/v1/search',
    operationId: 'search',
    tag: 'Søk',
    summary: 'Search all published content, with facets and marked matches.',
    query: searchQuerySchema,
    response: responses.searchResponse,
  },
  {
    path: '/api/v1/search/suggestions',
    operationId: 'searchSuggestions',
    tag: 'Søk',
    summary: 'Up to 8 titles that fit what is typed so far.',
    query: suggestQuerySchema,
    response: responses.suggestionsResponse,
  },
  {
    path: '/api/oembed',
    operationId: 'oembed',
    tag: 'Innebygging',
    summary: "oEmbed 1.0 (https://oembed.com): an item page's embed as a rich frame of its card.",
    description: 'format=xml answers 501; a URL that is not a published item page of this site 404.',
    query: oembedQuerySchema,
    response: responses.oembedResponse,
    errors: [404, 501],
  },
]
