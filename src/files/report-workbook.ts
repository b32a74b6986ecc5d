// The leadership report as a workbook: one sheet per view, each with a title row, a bold frozen
// header row, widths that fit the content and real number cells (an index is a number formatted
// 0.00, never the text "3,27"), so the team can sort, filter and chart it themselves. Excel shows
// the decimal separator of the reader's locale, which is the comma in Indonesian Excel.
import ExcelJS from 'exceljs';
import { STATUS_LABELS } from '../domain/checklists.ts';
import { formatDateTimeId, parseIsoDate, toLocalDate, toLocalTime } from '../domain/dates.ts';
import type { GroupIndex } from '../domain/index-calculation.ts';
import type { Fraction } from '../domain/numbers.ts';
import { roundHalfUp } from '../domain/numbers.ts';
import type { ReportModel } from '../domain/report.ts';
import type { Stage } from '../domain/stages.ts';
import { STAGE_LABELS } from '../domain/stages.ts';
import { isDecimalFramework, valueNumber } from '../domain/values.ts';
import { REPORT_SHEETS as S } from './report-sheet-texts.ts';

type Cell = string | number | Date | null | { formula: string; result: number };

interface Column {
  header: string;
  width: number;
  /** Excel number format of the column's data cells */
  numFmt?: string;
}

const INDEX_FORMAT = '0.00';
const CONTRIBUTION_FORMAT = '0.0000';
const WEIGHT_FORMAT = '0.00';
const DATE_FORMAT = 'dd-mm-yyyy';
const DATETIME_FORMAT = 'dd-mm-yyyy hh:mm';
const PERCENT_FORMAT = '0%';
const HEADER_ROW = 2;

/**
 * An index as a number cell: rounded half-up to 4 decimals. A total is exact at 4 decimals
 * (weights are hundredths of a percent); the format shows 2, as the ministry publishes.
 */
function indexNumber(value: Fraction | null): number | null {
  return value === null ? null : roundHalfUp(value, 4) / 10_000;
}

const units = (u: number) => u / 10_000;

/** A 'YYYY-MM-DD' date as a date cell (midnight UTC: exceljs writes the UTC wall clock as the serial). */
function dateCell(iso: string | null): Date | string | null {
  if (iso === null) return null;
  const d = parseIsoDate(iso);
  return d === null ? iso : new Date(Date.UTC(d.year, d.month - 1, d.day));
}

/** An instant as the workspace's wall clock, which is what a date-time cell without a zone should show. */
function localDateTimeCell(at: Date, timeZone: string): Date {
  const d = toLocalDate(at, timeZone);
  const t = toLocalTime(at, timeZone);
  return new Date(Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute));
}

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, columns: Column[], rows: Cell[][]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  sheet.getCell(1, 1).value = title;
  sheet.getRow(1).font = { bold: true, size: 13 };
  const header = sheet.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  for (const values of rows) sheet.addRow(values);
  columns.forEach((c, i) => {
    if (!c.numFmt) return;
    for (let r = HEADER_ROW + 1; r <= sheet.rowCount; r++) sheet.getCell(r, i + 1).numFmt = c.numFmt;
  });
  if (rows.length > 0) {
    sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW + rows.length, column: columns.length } };
  }
  return sheet;
}

function titleOf(model: ReportModel, view: string): string {
  return S.title(view, model.framework.name, model.year, model.workspaceName, formatDateTimeId(model.generatedAt, model.timeZone));
}

/** Index, domains and aspects (rows) by stage (columns), with the predicate under the total. */
function stageSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const stages = model.stages;
  const columns: Column[] = [
    { header: S.level, width: 10 },
    { header: S.no, width: 6 },
    { header: S.name, width: 48 },
    { header: S.weight, width: 10, numFmt: WEIGHT_FORMAT },
    ...stages.map((s) => ({ header: STAGE_LABELS[s.stage], width: 14, numFmt: INDEX_FORMAT })),
  ];
  const rows: Cell[][] = [];
  rows.push([S.index, null, model.framework.name, 100, ...stages.map((s) => indexNumber(s.report.total))]);
  rows.push([S.predicate, null, null, null, ...stages.map((s) => s.report.predicate)]);
  const groupRows = (kind: string, pick: (r: (typeof stages)[number]) => GroupIndex[]) => {
    const first = stages[0] ? pick(stages[0]) : [];
    for (const [i, g] of first.entries()) {
      rows.push([kind, g.no, g.name, units(g.weight) * 100, ...stages.map((s) => indexNumber(pick(s)[i]?.value ?? null))]);
    }
  };
  groupRows(S.domain, (s) => s.report.domains);
  groupRows(S.aspect, (s) => s.report.aspects);
  if (stages.length === 0) rows.push([S.noScores]);
  if (model.targetUnits !== null) rows.push([S.target, null, null, null, ...stages.map(() => units(model.targetUnits!))]);
  const sheet = addSheet(workbook, S.sheetStages, titleOf(model, S.viewStages), columns, rows);
  sheet.getRow(HEADER_ROW + 1).font = { bold: true };
}

function indicatorSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const stages: Stage[] = model.stages.map((s) => s.stage);
  const headline = model.headlineStage ? STAGE_LABELS[model.headlineStage] : S.noStage;
  // Pemdi values have two decimals (1,26); SPBE levels are whole.
  const decimal = isDecimalFramework(model.framework);
  const valueFormat = decimal ? '0.00' : '0';
  const value = (v: number | null) => (v === null ? null : valueNumber(v));
  const columns: Column[] = [
    { header: S.no, width: 6 },
    { header: S.indicator, width: 52 },
    { header: S.domain, width: 24 },
    { header: S.aspect, width: 28 },
    { header: S.weight, width: 10, numFmt: WEIGHT_FORMAT },
    ...stages.map((s) => ({ header: STAGE_LABELS[s], width: 12, numFmt: valueFormat })),
    { header: S.levelAt(headline, decimal), width: 14, numFmt: valueFormat },
    { header: S.contribution, width: 14, numFmt: CONTRIBUTION_FORMAT },
    { header: S.nextLevel(decimal), width: 12, numFmt: valueFormat },
    { header: S.gain, width: 16, numFmt: CONTRIBUTION_FORMAT },
    { header: S.owners, width: 24 },
  ];
  const weightCol = 5;
  const levelCol = weightCol + stages.length + 1;
  const letter = (c: number) => columnLetter(c);
  const rows: Cell[][] = model.indicators.map((ind, i) => {
    const r = HEADER_ROW + 1 + i;
    return [
      ind.no, ind.name, ind.domainName, ind.aspectName, ind.weight / 100,
      ...stages.map((s) => value(ind.values[s])),
      value(ind.value),
      // a formula, so the sheet stays right when someone tries "what if this were 4?"
      ind.contributionUnits === null ? null : { formula: `${letter(levelCol)}${r}*${letter(weightCol)}${r}/100`, result: units(ind.contributionUnits) },
      value(ind.nextValue),
      ind.value === null ? null : units(ind.gainUnits),
      ind.owners.join(', '),
    ];
  });
  const first = HEADER_ROW + 1;
  const last = HEADER_ROW + model.indicators.length;
  const totalKnown = model.indicators.every((i) => i.contributionUnits !== null);
  const totalUnits = model.indicators.reduce((s, i) => s + (i.contributionUnits ?? 0), 0);
  const total: Cell[] = new Array<Cell>(columns.length).fill(null);
  total[1] = S.totalIndex;
  total[weightCol - 1] = { formula: `SUM(${letter(weightCol)}${first}:${letter(weightCol)}${last})`, result: model.indicators.reduce((s, i) => s + i.weight, 0) / 100 };
  total[levelCol] = totalKnown ? { formula: `SUM(${letter(levelCol + 1)}${first}:${letter(levelCol + 1)}${last})`, result: units(totalUnits) } : null;
  rows.push(total);
  const sheet = addSheet(workbook, S.sheetIndicators, titleOf(model, S.viewIndicators), columns, rows);
  sheet.getRow(sheet.rowCount).font = { bold: true };
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

function opdSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const columns: Column[] = [
    { header: S.opdCode, width: 14 },
    { header: S.opdName, width: 40 },
    { header: S.total, width: 10 },
    { header: STATUS_LABELS.selesai, width: 10 },
    { header: STATUS_LABELS.diajukan, width: 10 },
    { header: S.open, width: 10 },
    { header: S.overdue, width: 11 },
    { header: S.progress, width: 11, numFmt: PERCENT_FORMAT },
  ];
  const rows: Cell[][] = model.opds.map((o) => [o.code, o.name, o.total, o.done, o.submitted, o.open, o.overdue, o.total === 0 ? null : o.done / o.total]);
  addSheet(workbook, S.sheetOpds, titleOf(model, S.viewOpds), columns, rows);
}

function itemSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const columns: Column[] = [
    { header: S.opdCode, width: 14 },
    { header: S.opdName, width: 32 },
    { header: S.itemNo, width: 8 },
    { header: S.indicatorNo, width: 10 },
    { header: S.stage, width: 18 },
    { header: S.levelShort, width: 8 },
    { header: S.itemTitle, width: 56 },
    { header: S.status, width: 12 },
    { header: S.assignee, width: 22 },
    { header: S.due, width: 12, numFmt: DATE_FORMAT },
    { header: S.overdue, width: 11 },
  ];
  const rows: Cell[][] = model.items.map((i) => [
    i.opdCode, i.opdName, i.id, i.indicatorNo, i.stage === null ? null : STAGE_LABELS[i.stage], i.level, i.title,
    STATUS_LABELS[i.status], i.assignee, dateCell(i.due), i.overdue ? S.yes : null,
  ]);
  addSheet(workbook, S.sheetItems, titleOf(model, S.viewItems), columns, rows);
}

function auditSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const columns: Column[] = [
    { header: S.when(model.timeZone), width: 18, numFmt: DATETIME_FORMAT },
    { header: S.indicatorNo, width: 10 },
    { header: S.stage, width: 18 },
    { header: S.from, width: 8 },
    { header: S.to, width: 8 },
    { header: S.note, width: 40 },
    { header: S.by, width: 22 },
    { header: S.source, width: 10 },
  ];
  const rows: Cell[][] = model.scoreChanges.map((c) => [
    localDateTimeCell(c.at, model.timeZone), c.indicatorNo, STAGE_LABELS[c.stage], c.oldValue === null ? null : valueNumber(c.oldValue), valueNumber(c.newValue), c.note, c.author ?? S.cli, c.source,
  ]);
  addSheet(workbook, S.sheetAudit, titleOf(model, S.viewAudit), columns, rows);
}

function trendSheet(workbook: ExcelJS.Workbook, model: ReportModel): void {
  const domainNos = [...new Set(model.trend.flatMap((p) => p.domains.map((d) => d.no)))].sort((a, b) => a - b);
  const columns: Column[] = [
    { header: S.year, width: 8 },
    { header: S.index, width: 10, numFmt: INDEX_FORMAT },
    { header: S.predicate, width: 14 },
    ...domainNos.map((no) => ({ header: S.domainNo(no), width: 11, numFmt: INDEX_FORMAT })),
    { header: S.framework, width: 14 },
    { header: S.remark, width: 30 },
  ];
  const rows: Cell[][] = model.trend.map((p) => [
    p.year, units(p.totalUnits), p.predicate,
    ...domainNos.map((no) => { const d = p.domains.find((x) => x.no === no); return d ? units(d.units) : null; }),
    p.frameworkCode,
    p.provisional && p.stage ? S.provisional(STAGE_LABELS[p.stage]) : p.year === model.year ? S.thisYear : S.official,
  ]);
  addSheet(workbook, S.sheetTrend, titleOf(model, S.viewTrend), columns, rows);
}

/** 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export async function buildReportXlsx(model: ReportModel): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bot Koordinasi SPBE';
  workbook.created = model.generatedAt;
  workbook.modified = model.generatedAt;
  stageSheet(workbook, model);
  indicatorSheet(workbook, model);
  opdSheet(workbook, model);
  itemSheet(workbook, model);
  auditSheet(workbook, model);
  trendSheet(workbook, model);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
