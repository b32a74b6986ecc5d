// The leadership PDF is read back with pdfjs, as a PDF viewer would: its pages, the lines of text a
// reader sees (items grouped by baseline, left to right), the images painted and the document
// information. Kabupaten Paser 2024 (final 3,27 Baik) is the main fixture.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderReportCharts } from '../../src/charts/report-charts.ts';
import { buildReport } from '../../src/domain/report.ts';
import type { ReportInput, ReportModel } from '../../src/domain/report.ts';
import { findPdfFonts, FALLBACK_FONTS, toLatin1 } from '../../src/files/pdf-fonts.ts';
import { buildReportPdf } from '../../src/files/report-pdf.ts';
import type { ReportChartImages } from '../../src/files/report-pdf.ts';
import { gainText, indexText, PDF_TEXTS } from '../../src/files/report-texts.ts';
import { shippedFramework } from '../support/frameworks.ts';
import { paserReportInput } from '../support/report-fixture.ts';

const MISSING_FONT_DIR = join(tmpdir(), 'spbe-no-fonts-here');

interface ReadPdf {
  pages: number;
  /** per page, the text lines top to bottom, items on one baseline joined by a space */
  lines: string[][];
  text: string;
  /** the lines joined by spaces, for sentences wrapped over several lines */
  flow: string;
  images: number[];
  info: Record<string, unknown>;
  /** text items drawn outside the page */
  outside: string[];
}

async function readPdf(pdf: Buffer): Promise<ReadPdf> {
  const doc: PDFDocumentProxy = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const lines: string[][] = [];
  const images: number[] = [];
  const outside: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const [, , pageWidth, pageHeight] = page.view as [number, number, number, number];
    const content = await page.getTextContent();
    const rows = new Map<number, { x: number; str: string }[]>();
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [, , , , x, y] = item.transform as number[];
      if (x! < 0 || y! < 0 || x! + item.width > pageWidth + 0.5 || y! > pageHeight) outside.push(item.str);
      const key = Math.round(y!);
      rows.set(key, [...(rows.get(key) ?? []), { x: x!, str: item.str }]);
    }
    lines.push([...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, items]) => items.sort((a, b) => a.x - b.x).map((i) => i.str.replace(/\s+/g, ' ').trim()).join(' ')));
    const ops = await page.getOperatorList();
    images.push(ops.fnArray.filter((fn) => fn === OPS.paintImageXObject).length);
  }
  const { info } = await doc.getMetadata();
  await doc.destroy();
  return { pages: lines.length, lines, text: lines.flat().join('\n'), flow: lines.flat().join(' '), images, info: info as Record<string, unknown>, outside };
}

const total = (images: number[]) => images.reduce((s, n) => s + n, 0);

function pngOf(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#0072B2';
  ctx.fillRect(0, 0, width, height);
  return canvas.toBuffer('image/png');
}

/** The model, its real charts and the PDF, read back. */
async function build(input: ReportInput, options: Parameters<typeof buildReportPdf>[2] = {}) {
  const model = buildReport(input);
  const charts = await renderReportCharts(model);
  const pdf = await buildReportPdf(model, charts, options);
  return { model, charts, pdf, read: await readPdf(pdf) };
}

/** The line of a table row: it starts with the given cells. */
function rowStarting(read: ReadPdf, start: string): string | undefined {
  return read.lines.flat().find((l) => l.startsWith(start));
}

describe('report PDF for Kabupaten Paser 2024', () => {
  let model: ReportModel;
  let charts: ReportChartImages;
  let pdf: Buffer;
  let read: ReadPdf;

  beforeAll(async () => {
    ({ model, charts, pdf, read } = await build(paserReportInput()));
    const dir = join(tmpdir(), 'spbe-report-pdf');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'paser-2024.pdf'), pdf);
  });

  it('is a PDF of one or two A4 pages with every chart painted and nothing off the page', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(read.pages).toBeGreaterThanOrEqual(1);
    expect(read.pages).toBeLessThanOrEqual(2);
    expect(total(read.images)).toBe(4);
    expect(read.outside).toEqual([]);
  });

  it('leads with the title, the generation time in WITA and the final index 3,27 Baik', () => {
    const first = read.lines[0]!;
    expect(first.slice(0, 3)).toEqual(['Ringkasan Indeks SPBE 2024', 'Pemerintah Kabupaten Paser', 'Dibuat 15 Oktober 2024 09.30 WITA oleh Bot Koordinasi SPBE']);
    expect(first).toContain('Indeks SPBE · Hasil Akhir');
    expect(first).toContain('3,27 Baik');
  });

  it('gives the change from the document stage and from 2023, and the gap to the 3,50 target', () => {
    expect(read.flow).toContain('+0,24 dibanding Penilaian Dokumen (3,02)');
    expect(read.flow).toContain('+0,37 dibanding 2023 (2,90 Baik)');
    expect(read.flow).toContain('Target 3,50: kurang 0,23 (paling sedikit 8 kenaikan satu tingkat)');
  });

  it('lists the five raises with their number, name, levels and gain, in the model order', () => {
    expect(read.text).toContain(PDF_TEXTS.raisesHeading);
    expect(model.raises.map((r) => r.no)).toEqual([45, 46, 47, 42, 43]);
    const found = model.raises.map((r) => rowStarting(read, `${r.no} `));
    expect(found).toEqual([
      '45 Tingkat Kematangan Layanan Publik Sektor 1 3 → 4 +0,03 belum ditetapkan',
      '46 Tingkat Kematangan Layanan Publik Sektor 2 3 → 4 +0,03 belum ditetapkan',
      '47 Tingkat Kematangan Layanan Publik Sektor 3 3 → 4 +0,03 belum ditetapkan',
      '42 Tingkat Kematangan Layanan Pengaduan 4 → 5 +0,03 belum ditetapkan',
      '43 Tingkat Kematangan Layanan Data Terbuka 4 → 5 +0,03 belum ditetapkan',
    ]);
    for (const r of model.raises) expect(gainText(r.gainUnits)).toBe('+0,03');
    expect(read.text).toContain(`Bila kelimanya naik satu tingkat, indeks menjadi ${indexText(32_670 + 5 * 300)}.`);
  });

  it('ranks the OPDs with most overdue items, with open items and progress, and counts the rest', () => {
    const top = model.opds[0]!;
    expect(top).toMatchObject({ name: 'Dinas Contoh 3', overdue: 4, open: 5, done: 1, total: 6 });
    const table = read.lines.flat();
    const header = table.indexOf('OPD Terlambat Terbuka Progres');
    expect(header).toBeGreaterThan(0);
    expect(table.slice(header + 1, header + 6)).toEqual([
      'Dinas Contoh 3 4 5 16%',
      'Badan Perencanaan Pembangunan Daerah 3 4 33%',
      'Dinas Contoh 4 3 4 20%',
      'Dinas Komunikasi dan Informatika 2 4 33%',
      'Dinas Contoh 5 2 3 40%',
    ]);
    expect(read.text).toContain('Per 15 Oktober 2024: 19 butir terlambat di 9 OPD.');
    expect(read.text).toContain(PDF_TEXTS.opdsMore(4));
  });

  it('embeds DejaVu Sans and carries the title, author, language and the report time as metadata', async () => {
    expect(pdf.includes('DejaVuSans')).toBe(true);
    expect(read.info).toMatchObject({
      Title: 'Ringkasan Indeks SPBE 2024 — Pemerintah Kabupaten Paser',
      Author: 'Bot Koordinasi SPBE',
      Language: 'id-ID',
    });
    expect(String(read.info['CreationDate'])).toMatch(/^D:20241015013000/);
  });

  it('comes out byte for byte the same when built again, also several at once', async () => {
    // concurrent builds share zlib's thread pool, which is where an unordered embedding would show
    const again = await Promise.all([1, 2, 3, 4].map(() => buildReportPdf(model, charts)));
    for (const copy of again) expect(copy.equals(pdf)).toBe(true);
  });
});

describe('report PDF for other situations', () => {
  it('says "Belum ada nilai" before any score, without raises or the empty domain and stage charts', async () => {
    const { read } = await build({ ...paserReportInput(), recorded: new Map() });
    expect(read.lines[0]).toContain(PDF_TEXTS.noScore);
    expect(read.flow).toContain(PDF_TEXTS.noScoreDetail);
    expect(read.flow).toContain('Target 3,50');
    expect(read.text).not.toContain('3,27');
    expect(read.text).not.toContain(PDF_TEXTS.raisesHeading);
    expect(total(read.images)).toBe(2);
    expect(read.pages).toBeLessThanOrEqual(2);
  });

  it('marks a headline before the final result as sementara, with its stage', async () => {
    const input = paserReportInput();
    const recorded = new Map(input.recorded);
    recorded.delete('final');
    const { read, model } = await build({ ...input, recorded });
    expect(model.headlineStage).toBe('dokumen');
    expect(read.flow).toContain('Indeks SPBE · Penilaian Dokumen (sementara)');
    expect(read.text).toContain(`${indexText(model.headline!.totalUnits!)} Baik`);
    expect(read.flow).toContain('dibanding Penilaian Mandiri (4,27)');
  });

  it('says the index is not complete while indicators lack a level', async () => {
    const recorded = new Map([['mandiri', new Map([[1, 300], [2, 300]])]] as const);
    const { read } = await build({ ...paserReportInput(), recorded });
    expect(read.lines[0]).toContain(PDF_TEXTS.noScore);
    expect(read.flow).toContain('45 dari 47 indikator belum dinilai pada tahap Penilaian Mandiri.');
  });

  it('leaves out the trend chart and the comparison with last year when there is no history', async () => {
    const { read } = await build(paserReportInput({ history: false }));
    expect(read.text).toContain('3,27 Baik');
    expect(read.text).not.toContain('dibanding 2023');
    expect(total(read.images)).toBe(3);
  });

  it('says "Tidak ada butir yang terlambat." when nothing is overdue, keeping the OPD chart', async () => {
    const { read } = await build({ ...paserReportInput(), today: '2024-09-01' });
    expect(read.text).toContain(PDF_TEXTS.noOverdue);
    expect(read.text).not.toContain(PDF_TEXTS.opdsColumns.overdue);
    expect(total(read.images)).toBe(4);
  });

  it('says there are no checklist items and shows no OPD chart without items', async () => {
    const { read } = await build({ ...paserReportInput(), items: [] });
    expect(read.text).toContain(`${PDF_TEXTS.noOverdue} ${PDF_TEXTS.noItems}`);
    expect(total(read.images)).toBe(3);
    // with room to spare, page 1 is filled (headline, stage and domain charts, raises) rather
    // than leaving everything after the headline to page 2
    expect(read.images[0]).toBe(2);
    expect(read.lines[0]!.join(' ')).toContain('Lima kenaikan yang paling menambah indeks');
  });

  it('names the OPDs responsible for a raise', async () => {
    const input = paserReportInput();
    const { read } = await build({ ...input, owners: new Map([[45, ['diskominfo', 'bappeda']], [43, ['tidak-terdaftar']]]) });
    expect(rowStarting(read, '45 ')).toMatch(/^45 Tingkat Kematangan Layanan Publik Sektor 1 3 → 4 \+0,03 Dinas Komunikasi/);
    expect(rowStarting(read, '43 ')).toContain('tidak-terdaftar');
  });

  it('works for the Pemdi framework, whose chart is per aspect', async () => {
    const framework = shippedFramework('pemdi-2026');
    const levels = new Map(framework.indicators.map((i) => [i.no, ((i.no % 4) + 2) * 100]));
    const input: ReportInput = {
      ...paserReportInput(),
      framework,
      year: 2026,
      recorded: new Map([['dokumen', levels]]),
      history: [],
      owners: new Map(),
      items: [],
    };
    const { read, model } = await build(input);
    expect(model.headline?.domains).toEqual([]);
    expect(read.lines[0]![0]).toBe('Ringkasan Indeks Pemerintah Digital 2026');
    // other agencies' index values not yet recorded are named in the headline (Pemdi 8/2026 Pasal 7)
    expect(read.text).toContain('Menunggu nilai indeks instansi lain: SDI (Bappenas),');
    expect(read.text).toContain('SJIG (BIG), EPSS (BPS), IKASANDI (BSSN, rujukan).');
    const value = indexText(model.headline!.totalUnits!);
    expect(read.text).toContain(`${value} ${model.headline!.predicate}`);
    for (const r of model.raises) expect(rowStarting(read, `${r.no} `)).toContain(gainText(r.gainUnits));
    expect(model.raises).toHaveLength(5);
    expect(total(read.images)).toBe(1);
    expect(read.pages).toBe(1);
  });

  it('stays within two pages when every chart is very tall, dropping the OPD chart first', async () => {
    const tall = pngOf(1000, 2400);
    const model = buildReport(paserReportInput());
    const read = await readPdf(await buildReportPdf(model, { domains: tall, stages: tall, trend: tall, opds: tall }));
    expect(read.pages).toBeLessThanOrEqual(2);
    expect(total(read.images)).toBe(3);
    expect(read.outside).toEqual([]);
    expect(read.text).toContain(PDF_TEXTS.opdsHeading);
  });

  it('cuts very long names to two lines with an ellipsis instead of running over', async () => {
    const input = paserReportInput();
    const framework = structuredClone(input.framework);
    const long = 'Tingkat Kematangan Penerapan Layanan Publik Berbasis Elektronik Yang Terintegrasi Dengan Sistem Nasional Dan Daerah';
    framework.indicators = framework.indicators.map((i) => (i.no === 45 ? { ...i, name: long } : i));
    const opds = input.opds.map((o) => (o.code === 'opd03' ? { ...o, name: `${long} ${long}` } : o));
    const { read } = await build({ ...input, framework, opds, workspaceName: `Pemerintah Kabupaten ${'Paser Raya '.repeat(12)}`.trim() });
    const row = rowStarting(read, '45 ')!;
    expect(row).toMatch(/^45 Tingkat Kematangan Penerapan Layanan/);
    expect(row).not.toContain('Nasional');
    expect(read.text).toContain('…');
    expect(read.pages).toBeLessThanOrEqual(2);
    expect(read.outside).toEqual([]);
  });

  it('refuses a chart that is not a PNG with a message naming it', async () => {
    const model = buildReport(paserReportInput());
    const png = pngOf(1000, 625);
    const charts = { domains: png, stages: png, trend: Buffer.from('not an image'), opds: png };
    await expect(buildReportPdf(model, charts)).rejects.toThrow(/"trend" is not a PNG/);
  });
});

describe('PDF fonts', () => {
  it('finds DejaVu Sans on this machine and falls back to Helvetica in a missing directory', () => {
    expect(findPdfFonts()).toMatchObject({ unicode: true, regular: expect.stringMatching(/DejaVuSans\.ttf$/), bold: expect.stringMatching(/DejaVuSans-Bold\.ttf$/) });
    expect(findPdfFonts([MISSING_FONT_DIR])).toEqual(FALLBACK_FONTS);
  });

  it('does not take a file that only has the right name', () => {
    const dir = join(tmpdir(), 'spbe-fake-fonts');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'DejaVuSans.ttf'), '<html>not a font</html>');
    writeFileSync(join(dir, 'DejaVuSans-Bold.ttf'), '<html>not a font</html>');
    expect(findPdfFonts([dir])).toEqual(FALLBACK_FONTS);
  });

  it('narrows text to Latin-1 for Helvetica: look-alikes, bare letters, then "?"', () => {
    expect(toLatin1('3 → 4 — “Baik” …')).toBe('3 -> 4 - "Baik" ...');
    expect(toLatin1('Kota Āmbon café')).toBe('Kota Ambon café');
    expect(toLatin1('東京 ✓')).toBe('?? ?');
  });

  it('still builds a readable PDF with Helvetica when no font is found, even for text outside Latin-1', async () => {
    const input = { ...paserReportInput(), workspaceName: 'Pemerintah Kota Ābā 東京' };
    const { pdf, read } = await build(input, { fontDirs: [MISSING_FONT_DIR] });
    expect(pdf.includes('DejaVuSans')).toBe(false);
    expect(pdf.includes('/Helvetica')).toBe(true);
    expect(read.lines[0]!.slice(0, 2)).toEqual(['Ringkasan Indeks SPBE 2024', 'Pemerintah Kota Aba ??']);
    expect(read.text).toContain('3,27 Baik');
    expect(rowStarting(read, '45 ')).toContain('3 -> 4 +0,03');
    expect(total(read.images)).toBe(4);
    expect(read.pages).toBeLessThanOrEqual(2);
  });
});
