// The leadership report as data: every number the XLSX workbook, the PDF summary and the charts
// show, computed once from plain inputs so that the three never disagree. Index values stay in
// exact units (× 10 000) or fractions here; the file writers decide how to round and print them.
import type { ItemStatus } from './checklists.ts';
import { byDueDate, isOverdue, progressOf } from './checklists.ts';
import type { FrameworkDef, IndexUnits, PredicateBand, ValueHundredths } from './framework-types.ts';
import { VALUE_SCALE } from './framework-types.ts';
import type { IndexReport } from './index-calculation.ts';
import { computeIndex, predicateOf } from './index-calculation.ts';
import type { MissingExternal } from './external-indices.ts';
import { missingExternalIndices } from './external-indices.ts';
import { roundHalfUp } from './numbers.ts';
import { nextWholeValue } from './values.ts';
import type { Stage, StageValues } from './stages.ts';
import { effectiveValues, latestScoredStage, STAGES } from './stages.ts';

export interface ReportOpdInput {
  code: string;
  name: string;
}

export interface ReportItemInput {
  id: number;
  opdCode: string;
  indicatorNo: number | null;
  stage: Stage | null;
  level: number | null;
  title: string;
  status: ItemStatus;
  /** the item's own due date, else its stage's deadline ('YYYY-MM-DD'); null = none */
  due: string | null;
  assignee: string | null;
}

export interface ReportScoreChangeInput {
  at: Date;
  indicatorNo: number;
  stage: Stage;
  /** hundredths */
  oldValue: number | null;
  newValue: number;
  note: string | null;
  author: string | null;
  /** bot | cli | import */
  source: string;
}

/** One past yearly result (an official one, entered by the CLI or an import). */
export interface PastYearInput {
  year: number;
  totalUnits: IndexUnits;
  /** as published; computed from the year's bands when not given */
  predicate: string | null;
  frameworkCode: string | null;
  domains: { no: number; units: IndexUnits }[];
  source: string | null;
}

export interface ReportInput {
  workspaceName: string;
  timeZone: string;
  targetUnits: IndexUnits | null;
  year: number;
  framework: FrameworkDef;
  /** every framework known, to find the predicate bands of a past year */
  frameworks: readonly FrameworkDef[];
  recorded: StageValues;
  opds: readonly ReportOpdInput[];
  items: readonly ReportItemInput[];
  scoreChanges: readonly ReportScoreChangeInput[];
  history: readonly PastYearInput[];
  /** indicator number → codes of the OPDs responsible */
  owners: ReadonlyMap<number, readonly string[]>;
  /** indicator numbers whose other-agency index value (SDI, SJIG, …) has been recorded */
  externalRecorded: ReadonlySet<number>;
  /** the workspace's local date 'YYYY-MM-DD', for overdue */
  today: string;
  generatedAt: Date;
}

export interface StageReport {
  stage: Stage;
  /** computed on the stage's effective values (later external stages inherit undiscussed values) */
  report: IndexReport;
}

export interface IndicatorRow {
  no: number;
  name: string;
  aspectNo: number;
  aspectName: string;
  domainNo: number | null;
  domainName: string | null;
  /** hundredths of a percent (1,30 % → 130) */
  weight: number;
  /** effective value (hundredths) at each stage that has values; null where none */
  values: Record<Stage, ValueHundredths | null>;
  /** the value at the headline stage */
  value: ValueHundredths | null;
  /** value × weight: what this indicator adds to the index, in units (× 10 000) */
  contributionUnits: IndexUnits | null;
  /** the value one more level gives (the next whole value), null at 5,00 or without a value */
  nextValue: ValueHundredths | null;
  /** what one more level adds to the index, in units; 0 at the top */
  gainUnits: IndexUnits;
  owners: readonly string[];
}

export interface OpdRow {
  code: string;
  name: string;
  /** items that count (everything but cancelled) */
  total: number;
  done: number;
  submitted: number;
  open: number;
  overdue: number;
  byStatus: Record<ItemStatus, number>;
}

export interface ItemRow extends ReportItemInput {
  opdName: string;
  overdue: boolean;
}

export interface TrendPoint {
  year: number;
  totalUnits: IndexUnits;
  predicate: string | null;
  frameworkCode: string | null;
  /** the bands that year was judged against */
  bands: readonly PredicateBand[];
  /** this year's evaluation, not yet an official result (its stage says how far it went) */
  provisional: boolean;
  stage: Stage | null;
  domains: { no: number; units: IndexUnits }[];
}

export interface ReportModel {
  workspaceName: string;
  timeZone: string;
  year: number;
  framework: FrameworkDef;
  generatedAt: Date;
  today: string;
  targetUnits: IndexUnits | null;
  /** the latest stage with levels (the one the headline shows); null before any level */
  headlineStage: Stage | null;
  headline: IndexReport | null;
  /** the closest earlier stage with a complete index */
  previous: { stage: Stage; totalUnits: IndexUnits } | null;
  /** stages that have levels, in order */
  stages: StageReport[];
  indicators: IndicatorRow[];
  /** the five one-level raises that add most to the index (distinct indicators) */
  raises: IndicatorRow[];
  opds: OpdRow[];
  items: ItemRow[];
  scoreChanges: ReportScoreChangeInput[];
  /** past results and this year's, ascending by year */
  trend: TrendPoint[];
  /** other agencies' index values still awaited (Pemdi) */
  externalMissing: MissingExternal[];
}

export const TOP_RAISES = 5;

/**
 * The bands a year was judged against: the framework in force that year, else (for years before
 * any loaded framework, like 2018–2020 under PermenPANRB 5/2018, which used the same cut-offs)
 * the earliest one.
 */
export function bandsOfYear(frameworks: readonly FrameworkDef[], year: number, code?: string | null): FrameworkDef | null {
  const byCode = code ? frameworks.find((f) => f.code === code) : undefined;
  if (byCode) return byCode;
  const sorted = [...frameworks].sort((a, b) => a.validFrom - b.validFrom);
  const inForce = sorted.filter((f) => f.validFrom <= year && (f.validTo === null || year <= f.validTo)).at(-1);
  return inForce ?? sorted.filter((f) => f.validFrom <= year).at(-1) ?? sorted[0] ?? null;
}

function emptyValues(): Record<Stage, number | null> {
  return Object.fromEntries(STAGES.map((s) => [s, null])) as Record<Stage, number | null>;
}

function indicatorRows(input: ReportInput, stages: readonly Stage[], headlineStage: Stage | null): IndicatorRow[] {
  const fw = input.framework;
  const effective = new Map(stages.map((s) => [s, effectiveValues(input.recorded, s)]));
  const headlineValues = headlineStage ? effective.get(headlineStage)! : new Map<number, number>();
  return fw.indicators.map((ind) => {
    const aspect = fw.aspects.find((a) => a.no === ind.aspectNo)!;
    const domain = aspect.domainNo === null ? undefined : fw.domains.find((d) => d.no === aspect.domainNo);
    const values = emptyValues();
    for (const s of stages) values[s] = effective.get(s)!.get(ind.no) ?? null;
    const value = headlineValues.get(ind.no) ?? null;
    const nextValue = value === null ? null : nextWholeValue(value);
    return {
      no: ind.no,
      name: ind.name,
      aspectNo: aspect.no,
      aspectName: aspect.name,
      domainNo: domain?.no ?? null,
      domainName: domain?.name ?? null,
      weight: ind.weight,
      values,
      value,
      contributionUnits: value === null ? null : (value * ind.weight) / VALUE_SCALE,
      nextValue,
      gainUnits: value === null || nextValue === null ? 0 : ((nextValue - value) * ind.weight) / VALUE_SCALE,
      owners: input.owners.get(ind.no) ?? [],
    };
  });
}

/**
 * The five one-level raises (to the next whole value) that add most: a whole-level raise adds
 * exactly the indicator's weight, a decimal value's first raise (1,26 → 2,00) a part of it. Ties
 * go to the lower value (the cheaper step), then the lower number, as in the target simulation.
 */
export function topRaises(rows: readonly IndicatorRow[], n = TOP_RAISES): IndicatorRow[] {
  return rows
    .filter((r) => r.gainUnits > 0)
    .sort((a, b) => b.gainUnits - a.gainUnits || a.value! - b.value! || a.no - b.no)
    .slice(0, n);
}

function opdRows(input: ReportInput, items: readonly ItemRow[]): OpdRow[] {
  const rows = input.opds.map((opd) => {
    const own = items.filter((i) => i.opdCode === opd.code);
    const progress = progressOf(own.map((i) => i.status));
    return {
      code: opd.code,
      name: opd.name,
      total: progress.total,
      done: progress.done,
      submitted: progress.byStatus.diajukan,
      open: progress.open,
      overdue: own.filter((i) => i.overdue).length,
      byStatus: progress.byStatus,
    };
  });
  return rows.sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.code.localeCompare(b.code));
}

function trendPoints(input: ReportInput, headlineStage: Stage | null, headline: IndexReport | null): TrendPoint[] {
  const points = new Map<number, TrendPoint>();
  for (const past of input.history) {
    const fw = bandsOfYear(input.frameworks, past.year, past.frameworkCode);
    const bands = fw?.predicates ?? [];
    points.set(past.year, {
      year: past.year,
      totalUnits: past.totalUnits,
      predicate: past.predicate ?? (bands.length > 0 ? predicateOf(bands, past.totalUnits) : null),
      frameworkCode: past.frameworkCode ?? fw?.code ?? null,
      bands,
      provisional: false,
      stage: 'final',
      domains: [...past.domains].sort((a, b) => a.no - b.no),
    });
  }
  // This year's own figure joins the trend unless an official result for it was entered.
  if (!points.has(input.year) && headline?.totalUnits != null && headlineStage) {
    points.set(input.year, {
      year: input.year,
      totalUnits: headline.totalUnits,
      predicate: headline.predicate,
      frameworkCode: input.framework.code,
      bands: input.framework.predicates,
      provisional: headlineStage !== 'final',
      stage: headlineStage,
      domains: headline.domains.filter((d) => d.value !== null).map((d) => ({ no: d.no, units: roundHalfUp(d.value!, 4) })),
    });
  }
  return [...points.values()].sort((a, b) => a.year - b.year);
}

export function buildReport(input: ReportInput): ReportModel {
  const stages = STAGES.filter((s) => (input.recorded.get(s)?.size ?? 0) > 0);
  const headlineStage = latestScoredStage(input.recorded);
  const stageReports = stages.map((stage) => ({ stage, report: computeIndex(input.framework, effectiveValues(input.recorded, stage)) }));
  const headline = stageReports.find((s) => s.stage === headlineStage)?.report ?? null;
  const earlier = headlineStage
    ? stageReports.filter((s) => STAGES.indexOf(s.stage) < STAGES.indexOf(headlineStage) && s.report.totalUnits !== null).at(-1)
    : undefined;

  const indicators = indicatorRows(input, stages, headlineStage);
  const opdNames = new Map(input.opds.map((o) => [o.code, o.name]));
  const items: ItemRow[] = input.items
    .map((i) => ({ ...i, opdName: opdNames.get(i.opdCode) ?? i.opdCode, overdue: isOverdue(i.status, i.due, input.today) }))
    .sort((a, b) => a.opdCode.localeCompare(b.opdCode) || byDueDate(a, b));

  return {
    workspaceName: input.workspaceName,
    timeZone: input.timeZone,
    year: input.year,
    framework: input.framework,
    generatedAt: input.generatedAt,
    today: input.today,
    targetUnits: input.targetUnits,
    headlineStage,
    headline,
    previous: earlier ? { stage: earlier.stage, totalUnits: earlier.report.totalUnits! } : null,
    stages: stageReports,
    indicators,
    raises: topRaises(indicators),
    opds: opdRows(input, items),
    items,
    scoreChanges: [...input.scoreChanges].sort((a, b) => a.at.getTime() - b.at.getTime()),
    trend: trendPoints(input, headlineStage, headline),
    externalMissing: missingExternalIndices(input.framework, input.externalRecorded),
  };
}
