// The leadership summary as an A4 PDF of one or two pages: the headline index, the charts, the
// five raises worth most and the OPDs with most overdue work. Every figure comes from the report
// model and every word from report-texts.ts; this file only lays them out. Layout is planned
// before anything is drawn (heights are measured, charts scale to the room left), so the
// summary never spills onto a third page whatever the chart sizes or names.
import PDFDocument from 'pdfkit';
import type { ReportModel } from '../domain/report.ts';
import { findPdfFonts } from './pdf-fonts.ts';
import { documentTitle, PDF_TEXTS } from './report-texts.ts';
import type { Block, PdfImage, Writer } from './report-pdf-layout.ts';
import { BOTTOM, drawChart, COLOR, COMFORT_CHART_WIDTH, CONTENT_WIDTH, GAP, MARGIN_X, MIN_CHART_WIDTH, PAGE, SIZE, TOP, widthOf, wrap, write } from './report-pdf-layout.ts';
import { blocksOf } from './report-pdf-blocks.ts';


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
