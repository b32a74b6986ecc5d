// Test support for the chart tests, which check the PNGs on their pixels: the size from the PNG
// header, the decoded RGBA pixels, colour matching with a tolerance (anti-aliasing blurs edges),
// and counts of a colour per row or column.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { expect } from 'vitest';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the IHDR chunk, which the PNG format requires to come first. */
export function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export type Rgb = [number, number, number];

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

export async function decode(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return { width: image.width, height: image.height, data: ctx.getImageData(0, 0, image.width, image.height).data };
}

export function pixelAt(p: Pixels, x: number, y: number): Rgb {
  const i = (y * p.width + x) * 4;
  return [p.data[i] ?? 0, p.data[i + 1] ?? 0, p.data[i + 2] ?? 0];
}

function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** Predicate for pixels within `tolerance` of a colour ('#rrggbb') on every channel. */
export function near(hex: string, tolerance: number): (rgb: Rgb) => boolean {
  const want = hexToRgb(hex);
  return (rgb) => rgb.every((c, k) => Math.abs(c - (want[k] ?? 0)) <= tolerance);
}

/** How many distinct colours the image holds, and how many pixels are not (near) white. */
export function stats(p: Pixels): { distinct: number; nonWhite: number } {
  const colours = new Set<number>();
  let nonWhite = 0;
  for (let i = 0; i < p.data.length; i += 4) {
    const [r, g, b] = [p.data[i] ?? 0, p.data[i + 1] ?? 0, p.data[i + 2] ?? 0];
    colours.add((r << 16) | (g << 8) | b);
    if (r < 245 || g < 245 || b < 245) nonWhite++;
  }
  return { distinct: colours.size, nonWhite };
}

/** How many matching pixels each column (axis 'x') or each row (axis 'y') holds. */
export function profile(p: Pixels, match: (rgb: Rgb) => boolean, axis: 'x' | 'y'): number[] {
  const counts = new Array<number>(axis === 'x' ? p.width : p.height).fill(0);
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      if (match(pixelAt(p, x, y))) counts[axis === 'x' ? x : y]! += 1;
    }
  }
  return counts;
}
