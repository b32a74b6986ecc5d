// The leadership summary as an A4 PDF of one or two pages: the headline index, the charts, the
// five raises worth most and the OPDs with most overdue work. Every figure comes from the report
// model and every word from report-texts.ts; this file only lays them out. Layout is planned
// before anything is drawn (heights are measured, charts scale to the room left), so the
// summary never spills onto a third page whatever the chart sizes or names.
import PDFDocument from 'pdfkit';
import type { ReportModel } from '../domain/report.ts';
import { findPdfFonts, toLatin1 } from './pdf-fonts.ts';
import type { PdfFonts } from './pdf-fonts.ts';
import type { OpdSection, RaiseRowText } from './report-texts.ts';
import { documentHeading, documentTitle, generatedText, headlineText, opdSection, PDF_TEXTS, raiseRows, raisesSummary } from './report-texts.ts';

/** PNG images, 1000 px wide, 16:10 or taller (src/charts/report-charts.ts). */
export interface ReportChartImages {
  domains: Buffer;
  stages: Buffer;
  trend: Buffer;
  opds: Buffer;
}

export interface ReportPdfOptions {
  /** where to look for DejaVu Sans; tests pass a missing directory to exercise the fallback */
  fontDirs?: readonly string[];
}

const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN_X = 40;
const TOP = 36;
/** The footer sits below this line. */
const BOTTOM = PAGE.height - 42;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN_X;
const GAP = 12;
/** Chart labels are 24 px of 1000 px: below ~330 pt wide they read under 8 pt, so an optional chart is left out instead. */
const MIN_CHART_WIDTH = 330;
/** Chart labels near 10 pt: charts this wide are big enough, and one page is then preferred to two. */
const COMFORT_CHART_WIDTH = 410;
/** The stage comparison beside the headline: few bars and big numbers, so it reads smaller than the others. */
const STAGE_CHART_WIDTH = 310;
const STAGE_CHART_MAX_HEIGHT = 230;

/** The charts' Okabe–Ito blue for the index, and their green for done items. */
const COLOR = { text: '#1a1a1a', muted: '#4d4d4d', rule: '#d0d0d0', accent: '#0072B2', done: '#009E73', panel: '#eef4fa', track: '#e3e3e3' } as const;
const SIZE = { title: 18, workspace: 14, meta: 10, label: 11, index: 42, noScore: 22, predicate: 18, body: 11, heading: 14, table: 10.5, head: 9.5, footer: 8.5 } as const;
const LEADING = 1.28;

type Doc = InstanceType<typeof PDFDocument>;
type Face = 'regular' | 'bold';

/** pdfkit's image object (doc.openImage): the embedded XObject, reusable on any page. */
interface PdfImage {
  width: number;
  height: number;
  /** the decoded PNG until pdfkit has finished writing the image objects, then null */
  image: unknown;
  embed(doc: Doc): void;
}

interface Writer {
  doc: Doc;
  fonts: PdfFonts;
  images: Map<Buffer, PdfImage>;
}

function clean(w: Writer, text: string): string {
  return w.fonts.unicode ? text : toLatin1(text);
}

function use(w: Writer, face: Face, size: number): Doc {
  return w.doc.font(face).fontSize(size);
}

function widthOf(w: Writer, text: string, face: Face, size: number): number {
  return use(w, face, size).widthOfString(clean(w, text));
}

/** Word-wraps to at most maxLines; the last line ends in an ellipsis when text was cut. */
function wrap(w: Writer, text: string, face: Face, size: number, width: number, maxLines = Infinity, cutWords = true): string[] {
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

function lineHeight(size: number): number {
  return size * LEADING;
}

function write(w: Writer, text: string, x: number, y: number, face: Face, size: number, color: string = COLOR.text, align: 'left' | 'right' | 'center' = 'left', width = 0): void {
  const shown = clean(w, text);
  const textWidth = use(w, face, size).widthOfString(shown);
  const left = align === 'left' ? x : align === 'right' ? x + width - textWidth : x + (width - textWidth) / 2;
  w.doc.fillColor(color).text(shown, left, y + (lineHeight(size) - size) / 2, { lineBreak: false });
}

function writeOnBaseline(w: Writer, text: string, x: number, baseline: number, face: Face, size: number, color: string): void {
  use(w, face, size).fillColor(color).text(clean(w, text), x, baseline, { lineBreak: false, baseline: 'alphabetic' });
}

function writeLines(w: Writer, lines: readonly string[], x: number, y: number, face: Face, size: number, color: string = COLOR.text): number {
  lines.forEach((line, i) => write(w, line, x, y + i * lineHeight(size), face, size, color));
  return lines.length * lineHeight(size);
}

function rule(w: Writer, y: number, color: string = COLOR.rule, width = 0.75): void {
  w.doc.moveTo(MARGIN_X, y).lineTo(MARGIN_X + CONTENT_WIDTH, y).lineWidth(width).strokeColor(color).stroke();
}

/** A block of the page: text blocks have a fixed height, charts scale with the width they get. */
type Block =
  | { kind: 'text'; height: number; draw: (y: number) => void; images: Buffer[] }
  | { kind: 'chart'; ratio: number; optional: boolean; images: [Buffer] };

/** A text block measured by a dry run of its own drawing code, so measure and drawing never disagree. */
function measured(draw: (y: number, measureOnly: boolean) => number, images: Buffer[] = []): Block {
  return { kind: 'text', height: draw(0, true), draw: (y) => void draw(y, false), images };
}

/** Title, date, and the headline panel; the stage comparison sits beside the panel when there is one. */
function headerBlock(w: Writer, model: ReportModel, stageChart: Buffer | null): Block {
  const heading = wrap(w, documentHeading(model), 'bold', SIZE.title, CONTENT_WIDTH, 2);
  const workspace = wrap(w, model.workspaceName, 'bold', SIZE.workspace, CONTENT_WIDTH, 2);
  const head = headlineText(model);
  const pad = 12;
  const ratio = stageChart ? pngRatio(stageChart, 'stages') : 0;
  // a taller picture than 16:10 gets narrower rather than pushing the page down
  const besideWidth = Math.min(STAGE_CHART_WIDTH, STAGE_CHART_MAX_HEIGHT / (ratio || 1));
  const beside = stageChart ? { image: stageChart, width: besideWidth, height: besideWidth * ratio } : null;
  const panelWidth = beside ? CONTENT_WIDTH - STAGE_CHART_WIDTH - GAP : CONTENT_WIDTH;
  // Side by side the panel stacks everything; alone it puts the sentences in a right-hand column.
  const valueSize = head.scored ? SIZE.index : SIZE.noScore;
  const leftWidth = beside ? panelWidth - 2 * pad - 4 : Math.min(260, Math.max(178, widthOf(w, head.value, 'bold', valueSize) + 4));
  const rightX = beside ? MARGIN_X + pad + 4 : MARGIN_X + pad + leftWidth + 16;
  const rightWidth = beside ? leftWidth : MARGIN_X + CONTENT_WIDTH - pad - rightX;
  const label = wrap(w, head.label, 'regular', SIZE.label, leftWidth, 3);
  const value = wrap(w, head.value, 'bold', valueSize, leftWidth, 2);
  const lines = head.lines.map((l) => wrap(w, l, 'regular', SIZE.body, rightWidth, 4));
  const valueHeight = value.length * lineHeight(valueSize) * 0.92;
  // The predicate goes beside the number when both fit on one line ("3,27  Baik"), else under it.
  const valueWidth = Math.max(...value.map((l) => widthOf(w, l, 'bold', valueSize)));
  const predicateWidth = head.predicate ? widthOf(w, head.predicate, 'bold', SIZE.predicate) : 0;
  const predicateBeside = head.predicate !== null && valueWidth + 12 + predicateWidth <= leftWidth;
  const predicateHeight = head.predicate && !predicateBeside ? lineHeight(SIZE.predicate) : 0;
  const leftHeight = label.length * lineHeight(SIZE.label) + valueHeight + predicateHeight;
  const sentencesHeight = lines.reduce((sum, l) => sum + l.length * lineHeight(SIZE.body), 0) + (lines.length - 1) * 5;
  const contentHeight = beside ? leftHeight + 10 + sentencesHeight : Math.max(leftHeight, sentencesHeight);
  const rowHeight = Math.max(contentHeight + 2 * pad, beside?.height ?? 0);

  return measured((y0, measureOnly) => {
    let y = y0;
    if (!measureOnly) writeLines(w, heading, MARGIN_X, y, 'bold', SIZE.title);
    y += heading.length * lineHeight(SIZE.title);
    if (!measureOnly) writeLines(w, workspace, MARGIN_X, y, 'bold', SIZE.workspace, COLOR.muted);
    y += workspace.length * lineHeight(SIZE.workspace) + 1;
    if (!measureOnly) write(w, generatedText(model), MARGIN_X, y, 'regular', SIZE.meta, COLOR.muted);
    y += lineHeight(SIZE.meta) + 10;
    if (measureOnly) return y + rowHeight - y0;

    w.doc.rect(MARGIN_X, y, panelWidth, rowHeight).fill(COLOR.panel);
    w.doc.rect(MARGIN_X, y, 4, rowHeight).fill(COLOR.accent);
    const x = MARGIN_X + pad + 4;
    let ly = y + pad;
    ly += writeLines(w, label, x, ly, 'regular', SIZE.label, COLOR.muted);
    let baseline = ly;
    for (const line of value) {
      baseline = ly + lineHeight(valueSize) * 0.92 * 0.8;
      writeOnBaseline(w, line, x, baseline, 'bold', valueSize, head.scored ? COLOR.accent : COLOR.text);
      ly += lineHeight(valueSize) * 0.92;
    }
    if (head.predicate && predicateBeside) {
      writeOnBaseline(w, head.predicate, x + valueWidth + 12, baseline, 'bold', SIZE.predicate, COLOR.text);
    } else if (head.predicate) {
      write(w, head.predicate, x, ly, 'bold', SIZE.predicate);
      ly += lineHeight(SIZE.predicate);
    }
    let ry = beside ? ly + 10 : y + pad + Math.max(0, (rowHeight - 2 * pad - sentencesHeight) / 2);
    for (const l of lines) ry += writeLines(w, l, rightX, ry, 'regular', SIZE.body) + 5;
    if (beside) drawChart(w, beside.image, MARGIN_X + CONTENT_WIDTH - beside.width, y + (rowHeight - beside.height) / 2, beside.width, beside.height);
    return y + rowHeight - y0;
  }, stageChart ? [stageChart] : []);
}

function sectionTitle(w: Writer, heading: string, intro: readonly string[], y: number, measureOnly: boolean): number {
  if (!measureOnly) write(w, heading, MARGIN_X, y, 'bold', SIZE.heading);
  let h = lineHeight(SIZE.heading) + 2;
  if (intro.length > 0) {
    if (!measureOnly) writeLines(w, intro, MARGIN_X, y + h, 'regular', SIZE.body, COLOR.muted);
    h += intro.length * lineHeight(SIZE.body);
  }
  return h + 6;
}

interface Column<Row> {
  title: string;
  width: number;
  align: 'left' | 'right' | 'center';
  cell: (row: Row) => string;
  face?: Face;
  maxLines?: number;
  /** draws instead of writing the text (the progress bar) */
  paint?: (row: Row, x: number, y: number, width: number) => void;
}

const CELL_PAD = 4;

/** A plain table: bold column heads over a rule, then rows separated by hairlines. */
function table<Row>(w: Writer, columns: readonly Column<Row>[], rows: readonly Row[], y0: number, measureOnly: boolean): number {
  let y = y0;
  let x = MARGIN_X;
  // Column heads are our own words: wrapped between words, never cut inside one.
  const heads = columns.map((c) => wrap(w, c.title, 'bold', SIZE.head, c.width - 2 * CELL_PAD, 2, false));
  const headHeight = Math.max(...heads.map((l) => l.length)) * lineHeight(SIZE.head);
  for (const [i, c] of columns.entries()) {
    if (!measureOnly) {
      const lines = heads[i] ?? [];
      lines.forEach((l, i) => write(w, l, x + CELL_PAD, y + headHeight - (lines.length - i) * lineHeight(SIZE.head), 'bold', SIZE.head, COLOR.muted, c.align, c.width - 2 * CELL_PAD));
    }
    x += c.width;
  }
  y += headHeight + 3;
  if (!measureOnly) rule(w, y, COLOR.muted, 0.9);
  for (const row of rows) {
    const cells = columns.map((c) => wrap(w, c.cell(row), c.face ?? 'regular', SIZE.table, c.width - 2 * CELL_PAD, c.maxLines ?? 1));
    const height = Math.max(...cells.map((l) => l.length)) * lineHeight(SIZE.table) + 2 * CELL_PAD;
    if (!measureOnly) {
      x = MARGIN_X;
      columns.forEach((c, i) => {
        const lines = cells[i] ?? [];
        if (c.paint) c.paint(row, x + CELL_PAD, y + CELL_PAD, c.width - 2 * CELL_PAD);
        else lines.forEach((l, k) => write(w, l, x + CELL_PAD, y + CELL_PAD + k * lineHeight(SIZE.table), c.face ?? 'regular', SIZE.table, COLOR.text, c.align, c.width - 2 * CELL_PAD));
        x += c.width;
      });
      rule(w, y + height, COLOR.rule, 0.5);
    }
    y += height;
  }
  return y - y0;
}

function raisesBlock(w: Writer, model: ReportModel): Block {
  const rows = raiseRows(model);
  const summary = raisesSummary(model);
  const cols = PDF_TEXTS.raisesColumns;
  const columns: Column<RaiseRowText>[] = [
    { title: cols.no, width: 32, align: 'right', cell: (r) => r.no, face: 'bold' },
    { title: cols.name, width: CONTENT_WIDTH - 262, align: 'left', cell: (r) => r.name, maxLines: 2 },
    { title: cols.level, width: 52, align: 'center', cell: (r) => r.level },
    { title: cols.gain, width: 62, align: 'right', cell: (r) => r.gain, face: 'bold' },
    { title: cols.owners, width: 116, align: 'left', cell: (r) => r.owners, maxLines: 2 },
  ];
  const introText = rows.length > 0 ? summary ?? PDF_TEXTS.raisesIntro : PDF_TEXTS.raisesNone;
  const intro = wrap(w, introText, 'regular', SIZE.body, CONTENT_WIDTH, 3);
  return measured((y, measureOnly) => {
    let h = sectionTitle(w, PDF_TEXTS.raisesHeading, intro, y, measureOnly);
    if (rows.length > 0) h += table(w, columns, rows, y + h, measureOnly);
    return h;
  });
}

function progressCell(w: Writer): Column<OpdSection['rows'][number]>['paint'] {
  return (row, x, y, width) => {
    const textWidth = 38;
    const barWidth = width - textWidth - 6;
    const barY = y + (lineHeight(SIZE.table) - 7) / 2;
    w.doc.rect(x, barY, barWidth, 7).fill(COLOR.track);
    if (row.share !== null && row.share > 0) w.doc.rect(x, barY, barWidth * row.share, 7).fill(COLOR.done);
    write(w, row.progress, x + barWidth + 6, y, 'regular', SIZE.table, COLOR.text, 'right', textWidth);
  };
}

function opdsBlock(w: Writer, model: ReportModel): Block {
  const section = opdSection(model);
  const cols = PDF_TEXTS.opdsColumns;
  const columns: Column<OpdSection['rows'][number]>[] = [
    { title: cols.name, width: CONTENT_WIDTH - 250, align: 'left', cell: (r) => r.name, maxLines: 2 },
    { title: cols.overdue, width: 70, align: 'right', cell: (r) => r.overdue, face: 'bold' },
    { title: cols.open, width: 60, align: 'right', cell: (r) => r.open },
    { title: cols.progress, width: 120, align: 'left', cell: (r) => r.progress, paint: progressCell(w) },
  ];
  const intro = wrap(w, section.intro ?? section.empty ?? '', 'regular', SIZE.body, CONTENT_WIDTH, 2);
  const more = section.more ? wrap(w, section.more, 'regular', SIZE.meta, CONTENT_WIDTH, 2) : [];
  return measured((y, measureOnly) => {
    let h = sectionTitle(w, PDF_TEXTS.opdsHeading, intro, y, measureOnly);
    if (section.rows.length > 0) h += table(w, columns, section.rows, y + h, measureOnly);
    if (more.length > 0) {
      if (!measureOnly) writeLines(w, more, MARGIN_X, y + h + 4, 'regular', SIZE.meta, COLOR.muted);
      h += 4 + more.length * lineHeight(SIZE.meta);
    }
    return h;
  });
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Height over width, from the IHDR chunk that a PNG must start with. */
function pngRatio(png: Buffer, name: string): number {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error(`report chart "${name}" is not a PNG image`);
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width === 0 || height === 0) throw new Error(`report chart "${name}" has no pixels`);
  return height / width;
}

function chart(image: Buffer, name: string, optional = false): Block {
  return { kind: 'chart', ratio: pngRatio(image, name), optional, images: [image] };
}

/**
 * Charts that would say nothing are left out: no domain or stage bars before any score, no
 * stage comparison with a single stage, no trend with a single year, no OPD chart without items.
 */
function blocksOf(w: Writer, model: ReportModel, charts: ReportChartImages): Block[] {
  const scored = model.stages.length > 0;
  const blocks: (Block | null)[] = [
    headerBlock(w, model, model.stages.length > 1 ? charts.stages : null),
    scored ? chart(charts.domains, 'domains') : null,
    // before any score there is nothing to raise; the headline already says so
    scored ? raisesBlock(w, model) : null,
    model.trend.length > 1 ? chart(charts.trend, 'trend') : null,
    opdsBlock(w, model),
    model.opds.some((o) => o.total > 0) ? chart(charts.opds, 'opds', true) : null,
  ];
  return blocks.filter((b): b is Block => b !== null);
}

interface PagePlan {
  blocks: Block[];
  chartWidth: number;
}

/** The widest chart width that lets the page's blocks fit; null if the text alone does not. */
function fitPage(blocks: readonly Block[]): number | null {
  const room = BOTTOM - TOP - GAP * Math.max(0, blocks.length - 1);
  const fixed = blocks.reduce((s, b) => s + (b.kind === 'text' ? b.height : 0), 0);
  const ratios = blocks.reduce((s, b) => s + (b.kind === 'chart' ? b.ratio : 0), 0);
  if (fixed > room) return null;
  return ratios === 0 ? CONTENT_WIDTH : Math.min(CONTENT_WIDTH, (room - fixed) / ratios);
}

function lastIndex(blocks: readonly Block[], test: (b: Block) => boolean): number {
  for (let i = blocks.length - 1; i >= 0; i--) if (test(blocks[i]!)) return i;
  return -1;
}

function minChartWidth(pages: readonly PagePlan[]): number {
  const widths = pages.filter((p) => p.blocks.some((b) => b.kind === 'chart')).map((p) => p.chartWidth);
  return widths.length === 0 ? CONTENT_WIDTH : Math.min(...widths);
}

/**
 * Splits the blocks, in order, over one or two pages so that the smallest chart is as large as
 * possible; past a comfortable width one page wins, and then the fuller first page. An optional chart that would push the
 * charts under MIN_CHART_WIDTH is dropped.
 */
function planPages(blocks: readonly Block[]): PagePlan[] {
  let best: { pages: PagePlan[]; score: number } | null = null;
  for (let split = 1; split <= blocks.length; split++) {
    const parts = [blocks.slice(0, split), blocks.slice(split)].filter((p) => p.length > 0);
    const widths = parts.map(fitPage);
    if (widths.some((x) => x === null)) continue;
    const pages = parts.map((p, i) => ({ blocks: p, chartWidth: widths[i]! }));
    // past a comfortable width, fewer pages beat bigger charts
    const score = Math.min(COMFORT_CHART_WIDTH, minChartWidth(pages));
    // Among equally good plans, fewer pages, then the later split: page 1 as full as it can be
    // (a split right after the headline left most of page 1 blank for the Kaltim demo).
    const tie = best !== null && Math.abs(score - best.score) <= 0.5;
    if (!best || score > best.score + 0.5 || (tie && pages.length <= best.pages.length)) best = { pages, score };
  }
  // The optional chart stays unless leaving it out would give the others a width they lack.
  const optional = lastIndex(blocks, (b) => b.kind === 'chart' && b.optional);
  if (optional >= 0 && (!best || best.score < MIN_CHART_WIDTH)) {
    const without = planPages(blocks.filter((_, i) => i !== optional));
    if (!best || minChartWidth(without) > best.score + 0.5) return without;
  }
  if (best) return best.pages;
  // Text that cannot fit two pages cannot come from a model (tables stop at five rows); charts go first.
  const lastChart = lastIndex(blocks, (b) => b.kind === 'chart');
  if (lastChart < 0) throw new Error('report text does not fit on two pages');
  return planPages(blocks.filter((_, i) => i !== lastChart));
}

const EMBED_TIMEOUT_MS = 15_000;

/**
 * Embeds the charts one at a time, in page order. pdfkit splits a PNG's alpha channel in a zlib
 * callback and numbers the mask object when that returns; letting several race would number the
 * objects differently from run to run, and the same report would not give the same bytes.
 */
async function embedImages(w: Writer, images: readonly Buffer[]): Promise<void> {
  const open = (w.doc as unknown as { openImage(src: Buffer): PdfImage }).openImage.bind(w.doc);
  for (const buffer of images) {
    if (w.images.has(buffer)) continue;
    const image = open(buffer);
    image.embed(w.doc);
    const started = performance.now();
    while (image.image != null) {
      if (performance.now() - started > EMBED_TIMEOUT_MS) throw new Error('a report chart could not be embedded in the PDF');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    w.images.set(buffer, image);
  }
}

function drawChart(w: Writer, buffer: Buffer, x: number, y: number, width: number, height: number): void {
  const image = w.images.get(buffer);
  if (!image) throw new Error('report chart drawn before it was embedded');
  w.doc.image(image as unknown as Buffer, x, y, { width, height });
  w.doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
}

function drawPage(w: Writer, page: PagePlan): void {
  let y = TOP;
  for (const block of page.blocks) {
    if (block.kind === 'text') {
      block.draw(y);
      y += block.height + GAP;
    } else {
      const width = page.chartWidth;
      const height = width * block.ratio;
      drawChart(w, block.images[0], MARGIN_X + (CONTENT_WIDTH - width) / 2, y, width, height);
      y += height + GAP;
    }
  }
}

function drawFooter(w: Writer, model: ReportModel, page: number, pages: number): void {
  const pageText = PDF_TEXTS.footer('', page, pages);
  const room = CONTENT_WIDTH - widthOf(w, pageText, 'regular', SIZE.footer);
  const name = wrap(w, model.workspaceName, 'regular', SIZE.footer, room, 1)[0] ?? '';
  write(w, PDF_TEXTS.footer(name, page, pages), MARGIN_X, PAGE.height - 30, 'regular', SIZE.footer, COLOR.muted, 'center', CONTENT_WIDTH);
}

export async function buildReportPdf(model: ReportModel, charts: ReportChartImages, options: ReportPdfOptions = {}): Promise<Buffer> {
  const fonts = findPdfFonts(options.fontDirs);
  const title = documentTitle(model);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    // Positions are all computed here; zero margins keep pdfkit from ever starting a page on its own.
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    autoFirstPage: false,
    lang: 'id-ID',
    displayTitle: true,
    info: {
      // metadata is stored as UTF-16, whatever font the pages use
      Title: title,
      Author: PDF_TEXTS.author,
      Creator: PDF_TEXTS.author,
      // A fixed date (the report's own) makes the bytes, and the file ID derived from them, repeatable.
      CreationDate: model.generatedAt,
      ModDate: model.generatedAt,
    },
  });
  doc.registerFont('regular', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const w: Writer = { doc, fonts, images: new Map() };

  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const pages = planPages(blocksOf(w, model, charts));
  await embedImages(w, pages.flatMap((p) => p.blocks.flatMap((b) => b.images)));
  pages.forEach((page, i) => {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    drawPage(w, page);
    drawFooter(w, model, i + 1, pages.length);
  });
  doc.end();
  return done;
}
