import { XMLParser } from 'fast-xml-parser'
import { posix } from 'node:path'

/**
 * Reads a SCORM package's `imsmanifest.xml`: which SCORM it is (1.2 or 2004), the first SCO's launch page, the
 * course's title and its mastery score. Only what a player needs; sequencing beyond the first SCO is the
 * package's own business (scorm-again runs it in the browser).
 */

export type ScormVersion = '1.2' | '2004'

export interface ScormManifest {
  version: ScormVersion
  /** The launch page relative to the package root, with any query string the manifest gives it (`index.html?x=1`). */
  launch: string
  /** The file the launch names (no query or fragment, percent-decoded): it must be in the zip. */
  launchFile: string
  title: string
  /** 0–100: a SCORM 1.2 `adlcp:masteryscore`, or a 2004 primary objective's minNormalizedMeasure × 100. */
  masteryPercent?: number
}

export type ManifestProblem = { reason: 'scorm_manifest_invalid' | 'scorm_version_unknown' | 'scorm_launch_missing'; problem: string }

/** Manifests are a few KB; a megabyte is a generous bound before it is parsed. */
export const maxManifestBytes = 1024 * 1024

type Node = Record<string, unknown>
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => ['organization', 'item', 'resource'].includes(name),
})

const nodes = (value: unknown): Node[] => (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter((node): node is Node => typeof node === 'object' && node !== null)
const text = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number') return String(value)
  if (value && typeof value === 'object' && '#text' in value) return text((value as Node)['#text'])
  return undefined
}
const attribute = (node: Node | undefined, name: string) => text(node?.[`@${name}`])

/** 1.2 says `1.2`; 2004 says `2004 3rd Edition`, `2004 4th Edition` or `CAM 1.3`. Namespaces decide when it is silent. */
function versionOf(manifest: Node, xml: string): ScormVersion | undefined {
  const declared = text((manifest.metadata as Node | undefined)?.schemaversion)
  if (declared === '1.2') return '1.2'
  if (declared && (/^2004\b/.test(declared) || declared === 'CAM 1.3')) return '2004'
  if (declared) return undefined
  if (xml.includes('http://www.adlnet.org/xsd/adlcp_v1p3')) return '2004'
  if (xml.includes('http://www.adlnet.org/xsd/adlcp_rootv1p2')) return '1.2'
  return undefined
}

/** The items of an organization, depth first, in the order a learner meets them. */
function* itemsOf(parent: Node): Generator<Node> {
  for (const item of nodes(parent.item)) {
    yield item
    yield* itemsOf(item)
  }
}

const isSco = (resource: Node) => (attribute(resource, 'scormtype') ?? attribute(resource, 'scormType'))?.toLowerCase() === 'sco'

function masteryOf(version: ScormVersion, item: Node | undefined): number | undefined {
  let percent: number | undefined
  if (version === '1.2') percent = Number(text(item?.masteryscore))
  else {
    const primary = ((item?.sequencing as Node | undefined)?.objectives as Node | undefined)?.primaryObjective as Node | undefined
    if (attribute(primary, 'satisfiedByMeasure') === 'true') percent = Number(text(primary?.minNormalizedMeasure)) * 100
  }
  return percent !== undefined && Number.isFinite(percent) && percent >= 0 && percent <= 100 ? Math.round(percent * 100) / 100 : undefined
}

/** A 1.2 item's `parameters` go after the href's own query (IMS Content Packaging: `?` or `&`, or a `#` fragment). */
function withParameters(query: string, parameters: string | undefined): string {
  if (!parameters) return query
  if (parameters.startsWith('#')) return query + parameters
  const params = parameters.replace(/^[?&]/, '')
  return query.startsWith('?') ? `${query}&${params}` : `?${params}${query}`
}

/** Joins xml:base values and the href into a path under the package root, or undefined when it leaves it. */
function resolveLaunch(parts: Array<string | undefined>, parameters: string | undefined): { launch: string; launchFile: string } | undefined {
  const joined = parts.filter(Boolean).join('')
  if (/^[a-z][a-z0-9+.-]*:/i.test(joined) || joined.startsWith('/') || joined.includes('\\')) return undefined
  const split = /^([^?#]*)(.*)$/.exec(joined)!
  const file = posix.normalize(split[1]!)
  if (file === '.' || file.startsWith('../') || file === '..' || file.endsWith('/')) return undefined
  let launchFile: string
  try {
    launchFile = decodeURIComponent(file)
  } catch {
    return undefined
  }
  return { launch: `${file}${withParameters(split[2]!, parameters)}`, launchFile }
}

export function parseManifest(xml: string, fallbackTitle: string): ScormManifest | ManifestProblem {
  const invalid = (problem: string): ManifestProblem => ({ reason: 'scorm_manifest_invalid', problem })
  // No document type: entity declarations are how XML bombs expand, and a SCORM manifest never needs one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) return invalid('imsmanifest.xml declares a document type or entities, which a SCORM manifest never needs. Export the package again.')
  let document: Node
  try {
    document = parser.parse(xml, true) as Node
  } catch (error) {
    return invalid(`imsmanifest.xml is not well-formed XML (${(error as Error).message.split('\n')[0]?.slice(0, 200)}). Export the package again.`)
  }
  const manifest = document.manifest as Node | undefined
  if (!manifest || typeof manifest !== 'object') return invalid('imsmanifest.xml has no <manifest> element. Export the package again as SCORM 1.2 or SCORM 2004.')
  const version = versionOf(manifest, xml)
  if (!version)
    return { reason: 'scorm_version_unknown', problem: 'The manifest does not say SCORM 1.2 or SCORM 2004 (schemaversion). Export the package as SCORM 1.2 or SCORM 2004.' }

  const organizations = manifest.organizations as Node | undefined
  const all = nodes(organizations?.organization)
  const organization = all.find((candidate) => attribute(candidate, 'identifier') === attribute(organizations, 'default')) ?? all[0]
  const resources = nodes((manifest.resources as Node | undefined)?.resource)
  const byId = new Map(resources.map((resource) => [attribute(resource, 'identifier'), resource]))
  const bases = (resource: Node) => [attribute(manifest, 'base'), attribute(manifest.resources as Node, 'base'), attribute(resource, 'base'), attribute(resource, 'href')]

  // The first item that launches a SCO, in the default organization's order; else the first SCO resource.
  let first: { item?: Node; resource: Node } | undefined
  for (const item of organization ? itemsOf(organization) : []) {
    const resource = byId.get(attribute(item, 'identifierref'))
    if (resource && isSco(resource) && attribute(resource, 'href')) {
      first = { item, resource }
      break
    }
  }
  first ??= ((resource) => (resource ? { resource } : undefined))(resources.find((resource) => isSco(resource) && attribute(resource, 'href')))
  if (!first) return { reason: 'scorm_launch_missing', problem: 'The manifest names no SCO with a launch page (a <resource> with scormtype "sco" and an href). Export the package again.' }
  const resolved = resolveLaunch(bases(first.resource), first.item ? attribute(first.item, 'parameters') : undefined)
  if (!resolved) return { reason: 'scorm_launch_missing', problem: `The launch page '${attribute(first.resource, 'href')?.slice(0, 200)}' is not a file inside the package. Export the package again.` }
  const title = text(organization?.title) ?? text(first.item?.title) ?? fallbackTitle
  const masteryPercent = masteryOf(version, first.item)
  return { version, ...resolved, title: title.replace(/\s+/g, ' ').slice(0, 200), ...(masteryPercent === undefined ? {} : { masteryPercent }) }
}
