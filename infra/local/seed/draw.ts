import { mix, parseHex, WHITE, type Rgb } from '../../../functions/tenants/colour.ts'
import { encodePng } from './png.ts'

/**
 * Demo pictures drawn at seed time: a diagonal gradient in the edition's colour, a few soft circles placed
 * by the item's name, and a white symbol for the kind of content. Shapes are signed distance functions, so
 * their edges are anti-aliased for free, and the alt text can say exactly what the picture shows.
 */
export type Icon = 'course' | 'film' | 'podcast' | 'article' | 'event'

/** What each symbol looks like, for alt texts. */
export const iconDescriptions: Record<Icon, string> = {
  course: 'en hvit dataskjerm med en hake',
  film: 'en hvit avspillingsknapp',
  podcast: 'en hvit mikrofon',
  article: 'et hvitt ark med tekstlinjer',
  event: 'en hvit kalender',
}

/** Distance from a point to a shape's edge, negative inside, in the symbol's unit square (-1…1). */
type Sdf = (u: number, v: number) => number

const length = (x: number, y: number) => Math.sqrt(x * x + y * y) // Math.hypot is several times slower

const circle = (cx: number, cy: number, r: number): Sdf => (u, v) => length(u - cx, v - cy) - r

const box =
  (cx: number, cy: number, halfWidth: number, halfHeight: number, radius = 0): Sdf =>
  (u, v) => {
    const qx = Math.abs(u - cx) - halfWidth + radius
    const qy = Math.abs(v - cy) - halfHeight + radius
    return length(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius
  }

const segment = (ax: number, ay: number, bx: number, by: number, width: number): Sdf => {
  const [dx, dy] = [bx - ax, by - ay]
  const squared = dx * dx + dy * dy
  return (u, v) => {
    const [px, py] = [u - ax, v - ay]
    const h = Math.min(1, Math.max(0, (px * dx + py * dy) / squared))
    return length(px - dx * h, py - dy * h) - width / 2
  }
}

/** A convex polygon, vertices clockwise on screen (v grows downwards): the largest distance to an edge's line. */
const polygon = (...points: Array<[number, number]>): Sdf => {
  const edges = points.map(([ax, ay], i) => {
    const [bx, by] = points[(i + 1) % points.length]!
    const size = length(bx - ax, by - ay)
    return { ax, ay, nx: (by - ay) / size, ny: (ax - bx) / size }
  })
  return (u, v) => Math.max(...edges.map((edge) => (u - edge.ax) * edge.nx + (v - edge.ay) * edge.ny))
}

/** The lower half of a ring: the microphone's holder. */
const lowerArc = (cy: number, r: number, width: number): Sdf => (u, v) =>
  Math.max(Math.abs(length(u, v - cy) - r) - width / 2, cy - v)

/** Layers painted in order: `ink` is white, `ground` paints the background back in (for holes). */
type Layer = { sdf: Sdf; paint: 'ink' | 'ground' }
const ink = (sdf: Sdf): Layer => ({ sdf, paint: 'ink' })
const ground = (sdf: Sdf): Layer => ({ sdf, paint: 'ground' })

const icons: Record<Icon, Layer[]> = {
  film: [ink(circle(0, 0, 1)), ground(polygon([-0.3, -0.5], [0.55, 0], [-0.3, 0.5]))],
  podcast: [
    ink(box(0, -0.4, 0.3, 0.55, 0.3)),
    ink(lowerArc(-0.15, 0.55, 0.12)),
    ink(segment(0, 0.4, 0, 0.8, 0.12)),
    ink(segment(-0.35, 0.82, 0.35, 0.82, 0.12)),
  ],
  course: [
    ink(box(0, -0.15, 0.95, 0.65, 0.08)),
    ground(box(0, -0.15, 0.83, 0.53, 0.02)),
    ink(segment(-0.35, -0.15, -0.1, 0.12, 0.14)),
    ink(segment(-0.1, 0.12, 0.4, -0.42, 0.14)),
    ink(segment(0, 0.5, 0, 0.82, 0.12)),
    ink(segment(-0.4, 0.85, 0.4, 0.85, 0.12)),
  ],
  article: [
    ink(box(0, 0, 0.68, 0.92, 0.06)),
    ground(segment(-0.42, -0.6, 0.15, -0.6, 0.16)),
    ...[-0.3, -0.05, 0.2, 0.45].map((y) => ground(segment(-0.42, y, 0.42, y, 0.09))),
    ground(segment(-0.42, 0.7, 0.1, 0.7, 0.09)),
  ],
  event: [
    ink(box(0, 0.1, 0.9, 0.8, 0.1)),
    ground(box(0, 0.24, 0.78, 0.54, 0.02)),
    ...[-0.45, 0, 0.45].flatMap((x) => [0.0, 0.27, 0.54].map((y) => ink(box(x, y, 0.11, 0.09, 0.02)))),
    ink(segment(-0.45, -0.95, -0.45, -0.6, 0.14)),
    ink(segment(0.45, -0.95, 0.45, -0.6, 0.14)),
  ],
}

/** A small deterministic random sequence (mulberry32) seeded by a string, so re-seeding draws the same. */
function random(seed: string): () => number {
  let state = [...seed].reduce((hash, char) => Math.imul(hash ^ char.charCodeAt(0), 16777619), 2166136261)
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const coverage = (distancePx: number) => Math.min(1, Math.max(0, 0.5 - distancePx))

export interface Illustration {
  width: number
  height: number
  /** The edition's colour, #rrggbb. */
  colour: string
  icon: Icon
  /** Places the circles; use the item's slug. */
  seed: string
}

type Bubble = { x: number; y: number; r: number }

/** Adds a soft white disc's share of whiteness to one row; only its edge pixels need a square root. */
function addBubbleRow(white: Float32Array, { x: bx, y: by, r }: Bubble, y: number) {
  const dy = y - by
  if (Math.abs(dy) > r + 1) return
  const outer = Math.sqrt((r + 1) ** 2 - dy * dy)
  const inner = Math.abs(dy) < r - 1 ? Math.sqrt((r - 1) ** 2 - dy * dy) : -1
  const last = Math.min(white.length - 1, Math.floor(bx + outer))
  for (let x = Math.max(0, Math.ceil(bx - outer)); x <= last; x++) {
    const dx = x - bx
    white[x]! += Math.abs(dx) < inner ? 0.1 : 0.1 * coverage(length(dx, dy) - r)
  }
}

/**
 * How white each pixel of a symbol's box is. Every layer mixes between white and the background, so the result
 * is one mix per pixel: ink at coverage m moves it m of the way to white, ground m of the way back. The mask
 * depends only on the symbol and its size, so it is computed once and reused for every picture.
 */
const masks = new Map<string, { size: number; alpha: Float32Array }>()
function iconMask(icon: Icon, scale: number) {
  const id = `${icon}@${scale}`
  const cached = masks.get(id)
  if (cached) return cached
  const size = Math.ceil(2.2 * scale)
  const alpha = new Float32Array(size * size)
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      const [u, v] = [(x - size / 2) / scale, (y - size / 2) / scale]
      let white = 0
      for (const layer of icons[icon]) {
        const amount = coverage(layer.sdf(u, v) * scale)
        white = layer.paint === 'ink' ? white + (1 - white) * amount : white * (1 - amount)
      }
      alpha[y * size + x] = white
    }
  const mask = { size, alpha }
  masks.set(id, mask)
  return mask
}

/**
 * Draws the picture and returns it as PNG bytes. Work is per row where it can be (the gradient is vertical,
 * discs are spans), and the symbol comes from a cached mask: a 1400×1400 picture is 2 M pixels.
 */
export function drawIllustration({ width, height, colour, icon, seed }: Illustration): Buffer {
  const base = parseHex(colour)
  const [from, to] = [mix(base, [0, 0, 0], 0.12), mix(base, WHITE, 0.3)]
  const next = random(seed)
  const bubbles = Array.from({ length: 3 }, () => ({ x: next() * width, y: next() * height, r: (0.2 + next() * 0.35) * height }))
  const mask = iconMask(icon, Math.round(Math.min(width, height) * 0.28))
  const [left, top] = [Math.round((width - mask.size) / 2), Math.round((height - mask.size) / 2)]
  const rgb = new Uint8Array(width * height * 3)
  const white = new Float32Array(width)
  for (let y = 0; y < height; y++) {
    white.fill(0)
    for (const bubble of bubbles) addBubbleRow(white, bubble, y)
    for (let x = 0; x < width; x++) white[x] = Math.min(white[x]!, 1)
    const maskRow = y - top
    if (maskRow >= 0 && maskRow < mask.size)
      for (let x = 0; x < mask.size; x++) {
        const ink = mask.alpha[maskRow * mask.size + x]!
        white[left + x] = white[left + x]! + (1 - white[left + x]!) * ink
      }
    const row = mix(from, to, y / height)
    for (let x = 0, at = y * width * 3; x < width; x++, at += 3)
      for (let c = 0; c < 3; c++) rgb[at + c] = Math.round(row[c]! + (255 - row[c]!) * white[x]!)
  }
  return encodePng(width, height, rgb)
}
