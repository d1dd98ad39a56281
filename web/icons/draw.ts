import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { encodePng } from '../../infra/local/seed/png.ts'
import { appIconSizes } from './sizes.ts'

/**
 * Draws the web app's icons (issue 14): the brand's blue (web/styles/site.css --brand) with a white bridge, the
 * "bro" of Kompetansebroen, inside the central circle a maskable icon keeps (80 %), so launchers may crop it to any
 * shape. Run once with `npx tsx web/icons/draw.ts`; the PNGs are committed and web/build.ts copies them into the assets.
 */
const brand = [0x00, 0x50, 0x9e] as const
const white = [0xff, 0xff, 0xff] as const

/** Whether a point of the unit square is part of the bridge: deck, arch and hangers. */
function bridge(x: number, y: number): boolean {
  const deck = y >= 0.6 && y <= 0.66 && x >= 0.2 && x <= 0.8
  const distance = Math.hypot(x - 0.5, y - 0.8)
  const arch = y <= 0.66 && distance >= 0.3 && distance <= 0.36
  const underArch = y < 0.6 && distance < 0.3
  const hanger = underArch && [0.34, 0.42, 0.5, 0.58, 0.66].some((at) => Math.abs(x - at) <= 0.012)
  return deck || arch || hanger
}

/** `size` × `size` RGB with 4 × 4 samples a pixel, so the edges are smooth. */
function draw(size: number): Uint8Array {
  const rgb = new Uint8Array(size * size * 3)
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++) {
      let covered = 0
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (bridge((px + (sx + 0.5) / 4) / size, (py + (sy + 0.5) / 4) / size)) covered++
      for (let channel = 0; channel < 3; channel++) rgb[(py * size + px) * 3 + channel] = Math.round(brand[channel]! + ((white[channel]! - brand[channel]!) * covered) / 16)
    }
  return rgb
}

const folder = dirname(fileURLToPath(import.meta.url))
for (const size of appIconSizes) writeFileSync(join(folder, `icon-${size}.png`), encodePng(size, size, draw(size)))
