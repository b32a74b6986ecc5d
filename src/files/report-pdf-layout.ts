// The report PDF's page geometry and text primitives: fonts, wrapping, measured blocks. The
// layout (report-pdf.ts) and the blocks (report-pdf-blocks.ts) draw only through these.
import type PDFDocument from 'pdfkit';
import type { PdfFonts } from './pdf-fonts.ts';
import { toLatin1 } from './pdf-fonts.ts';

export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN_X = 40;
export const TOP = 36;
/** The footer sits below this line. */
export const BOTTOM = PAGE.height - 42;
export const CONTENT_WIDTH = PAGE.width - 2 * MARGIN_X;
export const GAP = 12;
/** Chart labels are 24 px of 1000 px: below ~330 pt wide they read under 8 pt, so an optional chart is left out instead. */
export const MIN_CHART_WIDTH = 330;
/** Chart labels near 10 pt: charts this wide are big enough, and one page is then preferred to two. */
export const COMFORT_CHART_WIDTH = 410;
/** The stage comparison beside the headline: few bars and big numbers, so it reads smaller than the others. */
export const STAGE_CHART_WIDTH = 310;
export const STAGE_CHART_MAX_HEIGHT = 230;

/** The charts' Okabe–Ito blue for the index, and their green for done items. */
export const COLOR = { text: '#1a1a1a', muted: '#4d4d4d', rule: '#d0d0d0', accent: '#0072B2', done: '#009E73', panel: '#eef4fa', track: '#e3e3e3' } as const;
export const SIZE = { title: 18, workspace: 14, meta: 10, label: 11, index: 42, noScore: 22, predicate: 18, body: 11, heading: 14, table: 10.5, head: 9.5, footer: 8.5 } as const;
const LEADING = 1.28;

type Doc = InstanceType<typeof PDFDocument>;
export type Face = 'regular' | 'bold';

/** pdfkit's image object (doc.openImage): the embedded XObject, reusable on any page. */
export interface PdfImage {
  width: number;
  height: number;
  /** the decoded PNG until pdfkit has finished writing the image objects, then null */
  image: unknown;
  embed(doc: Doc): void;
}

export interface Writer {
  doc: Doc;
  fonts: PdfFonts;
  images: Map<Buffer, PdfImage>;
}

function clean(w: Writer, text: string): string {
  return w.fonts.unicode ? text : toLatin1(text);
}

export function use(w: Writer, face: Face, size: number): Doc {
  return w.doc.font(face).fontSize(size);
}

export function widthOf(w: Writer, text: string, face: Face, size: number): number {
  return use(w, face, size).widthOfString(clean(w, text));
}

/** Word-wraps to at most maxLines; the last line ends in an ellipsis when text was cut. */
export function wrap(w: Writer, text: string, face: Face, size: number, width: number, maxLines = Infinity, cutWords = true): string[] {
  const fits = (s: string) => widthOf(w, s, face, size) <= width;
  const lines: string[] = [];
  let line = '';
  // only ordinary spaces break a line: the texts use a no-break space to keep "2,90 Baik" together
  for (const word of text.split(/[ \t\n\r]+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) line = candidate;
    else if (line) {
      lines.push(line);
      line = word;
    } else line = word;
    // a single word wider than the column is cut by characters
    while (cutWords && !fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  balanceLastLine(lines, fits);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]} ${lines[maxLines]}`;
  while (last.length > 1 && !fits(`${last}…`)) last = last.slice(0, -1).trimEnd();
  kept[maxLines - 1] = `${last.replace(/[\s,;:.-]+$/, '')}…`;
  return kept;
}

/** "…Publik Sektor / 1" or "…mana / pun." reads badly: a lone short last word takes one more word with it. */
function balanceLastLine(lines: string[], fits: (s: string) => boolean): void {
  const n = lines.length;
  if (n < 2) return;
  const last = lines[n - 1]!;
  const previous = lines[n - 2]!.split(' ');
  if (last.includes(' ') || last.length > 5 || previous.length < 3) return;
  const moved = `${previous.at(-1)} ${last}`;
  if (!fits(moved)) return;
  lines[n - 2] = previous.slice(0, -1).join(' ');
  lines[n - 1] = moved;
}

export function lineHeight(size: number): number {
  return size * LEADING;
}

export function write(w: Writer, text: string, x: number, y: number, face: Face, size: number, color: string = COLOR.text, align: 'left' | 'right' | 'center' = 'left', width = 0): void {
  const shown = clean(w, text);
  const textWidth = use(w, face, size).widthOfString(shown);
  const left = align === 'left' ? x : align === 'right' ? x + width - textWidth : x + (width - textWidth) / 2;
  w.doc.fillColor(color).text(shown, left, y + (lineHeight(size) - size) / 2, { lineBreak: false });
}

export function writeOnBaseline(w: Writer, text: string, x: number, baseline: number, face: Face, size: number, color: string): void {
  use(w, face, size).fillColor(color).text(clean(w, text), x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

export function writeLines(w: Writer, lines: readonly string[], x: number, y: number, face: Face, size: number, color: string = COLOR.text): number {
  lines.forEach((line, i) => write(w, line, x, y + i * lineHeight(size), face, size, color));
  return lines.length * lineHeight(size);
}

export function rule(w: Writer, y: number, color: string = COLOR.rule, width = 0.75): void {
  w.doc.moveTo(MARGIN_X, y).lineTo(MARGIN_X + CONTENT_WIDTH, y).lineWidth(width).strokeColor(color).stroke();
}

/** A block of the page: text blocks have a fixed height, charts scale with the width they get. */
export type Block =
  | { kind: 'text'; height: number; draw: (y: number) => void; images: Buffer[] }
  | { kind: 'chart'; ratio: number; optional: boolean; images: [Buffer] };

/** A text block measured by a dry run of its own drawing code, so measure and drawing never disagree. */
export function measured(draw: (y: number, measureOnly: boolean) => number, images: Buffer[] = []): Block {
  return { kind: 'text', height: draw(0, true), draw: (y) => void draw(y, false), images };
}

/** Title, date, and the headline panel; the stage comparison sits beside the panel when there is one. */

export function drawChart(w: Writer, buffer: Buffer, x: number, y: number, width: number, height: number): void {
  const image = w.images.get(buffer);
  if (!image) throw new Error('report chart drawn before it was embedded');
  w.doc.image(image as unknown as Buffer, x, y, { width, height });
  w.doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
}
