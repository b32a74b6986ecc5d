// The blocks of the report PDF: the header with the headline, the table of raises, the OPD table
// and the charts, each measured before it is drawn (report-pdf-layout.ts).
import type { ReportModel } from '../domain/report.ts';
import type { OpdSection, RaiseRowText } from './report-texts.ts';
import { documentHeading, generatedText, headlineText, opdSection, PDF_TEXTS, raiseRows, raisesSummary } from './report-texts.ts';
import type { ReportChartImages } from './report-pdf.ts';
import type { Block, Face, Writer } from './report-pdf-layout.ts';
import { COLOR, drawChart, CONTENT_WIDTH, GAP, MARGIN_X, SIZE, STAGE_CHART_MAX_HEIGHT, STAGE_CHART_WIDTH, lineHeight, measured, rule, widthOf, wrap, write, writeLines, writeOnBaseline } from './report-pdf-layout.ts';

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
export function blocksOf(w: Writer, model: ReportModel, charts: ReportChartImages): Block[] {
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
