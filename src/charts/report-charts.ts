// The four charts of the leadership report, drawn from the report model: the index per domain
// against the target, the index through the stages, the index over the years and the checklist
// per OPD. Here the model's exact units and fractions become the rounded numbers the charts print;
// the charts themselves know nothing of the model.
import type { ReportModel } from '../domain/report.ts';
import { toRoundedNumber } from '../domain/numbers.ts';
import { STAGE_LABELS, STAGES } from '../domain/stages.ts';
import type { PredicateBand as FrameworkBand } from '../domain/framework-types.ts';
import { renderDomainChart, renderStageChart } from './index-charts.ts';
import type { PredicateBand } from './index-charts.ts';
import { renderOpdChart } from './opd-chart.ts';
import type { OpdChartRow } from './opd-chart.ts';
import { formatValue } from './render.ts';
import { renderTrendChart } from './trend-chart.ts';
import type { TrendChartPoint } from './trend-chart.ts';

export const REPORT_CHART_TITLES = {
  domains: (index: string, year: number, stage: string) => `${index} ${year} per domain — ${stage}`,
  aspects: (index: string, year: number, stage: string) => `${index} ${year} per aspek — ${stage}`,
  stages: (index: string, year: number) => `${index} ${year} per tahap penilaian`,
  trend: (index: string, from: number, to: number) => (from === to ? `${index} ${to}` : `Perkembangan ${index} ${from}–${to}`),
  trendNoData: (index: string) => `Perkembangan ${index}`,
  /** the trend spans frameworks (SPBE, then Pemdi): no one index name fits */
  anyIndex: 'indeks',
  opds: (year: number) => `Progres checklist per OPD ${year}`,
  notScored: 'belum dinilai',
  withIndex: (workspace: string, value: string, predicate: string | null) =>
    `${workspace} · Indeks ${value}${predicate ? ` (${predicate})` : ''}`,
  withProvisional: (workspace: string, year: number, stage: string) => `${workspace} · ${year} sementara: ${stage}`,
} as const;

export interface ReportCharts {
  domains: Buffer;
  stages: Buffer;
  trend: Buffer;
  opds: Buffer;
}

const UNITS = 10_000;

/** Units (× 10 000) to the two-decimal number a chart prints, rounded half-up like every other figure. */
function indexOf(units: number): number {
  return toRoundedNumber({ num: units, den: UNITS });
}

function bandsOf(bands: readonly FrameworkBand[]): PredicateBand[] {
  return bands.map((b) => ({ name: b.name, min: b.min / UNITS, max: b.max / UNITS }));
}

function targetOf(model: ReportModel): number | null {
  return model.targetUnits === null ? null : model.targetUnits / UNITS;
}

function headlineSubtitle(model: ReportModel): string {
  const total = model.headline?.total;
  return total ? REPORT_CHART_TITLES.withIndex(model.workspaceName, formatValue(toRoundedNumber(total)), model.headline?.predicate ?? null) : model.workspaceName;
}

/** Pemdi has no domains: its aspects take their place, as in the bot's /indeks charts. */
function domainChart(model: ReportModel): Promise<Buffer> {
  const fw = model.framework;
  const stage = model.headlineStage ? STAGE_LABELS[model.headlineStage] : REPORT_CHART_TITLES.notScored;
  const byDomain = fw.domains.length > 0;
  const groups = model.headline
    ? byDomain
      ? model.headline.domains
      : model.headline.aspects
    : (byDomain ? fw.domains : fw.aspects).map((g) => ({ name: g.name, value: null }));
  return renderDomainChart({
    title: (byDomain ? REPORT_CHART_TITLES.domains : REPORT_CHART_TITLES.aspects)(fw.name, model.year, stage),
    subtitle: headlineSubtitle(model),
    bars: groups.map((g) => ({ label: g.name, value: g.value ? toRoundedNumber(g.value) : null })),
    target: targetOf(model),
  });
}

/** The stages that have a complete index; before any, every stage as "belum dinilai". */
function stageChart(model: ReportModel): Promise<Buffer> {
  const scored = model.stages
    .filter((s) => s.report.total !== null)
    .map((s) => ({ label: STAGE_LABELS[s.stage], value: toRoundedNumber(s.report.total!) }));
  return renderStageChart({
    title: REPORT_CHART_TITLES.stages(model.framework.name, model.year),
    subtitle: model.workspaceName,
    stages: scored.length > 0 ? scored : STAGES.map((s) => ({ label: STAGE_LABELS[s], value: null })),
    target: targetOf(model),
    bands: bandsOf(model.framework.predicates),
  });
}

function trendChart(model: ReportModel): Promise<Buffer> {
  const trend = model.trend;
  const first = trend[0];
  const last = trend.at(-1);
  const oneFramework = trend.every((p) => p.frameworkCode === null || p.frameworkCode === model.framework.code);
  const index = oneFramework ? model.framework.name : REPORT_CHART_TITLES.anyIndex;
  const provisional = trend.find((p) => p.provisional);
  const points: TrendChartPoint[] = trend.map((p) => ({
    year: p.year,
    value: indexOf(p.totalUnits),
    predicate: p.predicate,
    bands: bandsOf(p.bands),
    provisional: p.provisional,
  }));
  return renderTrendChart({
    title: first && last ? REPORT_CHART_TITLES.trend(index, first.year, last.year) : REPORT_CHART_TITLES.trendNoData(index),
    subtitle:
      provisional?.stage
        ? REPORT_CHART_TITLES.withProvisional(model.workspaceName, provisional.year, STAGE_LABELS[provisional.stage])
        : model.workspaceName,
    points,
    target: targetOf(model),
  });
}

/**
 * The four segments of an OPD's bar, each item once: overdue as the model counts it (any open
 * item past due, submitted or not), submitted only while not overdue, and open for the rest.
 */
export function opdChartRows(model: ReportModel): OpdChartRow[] {
  const submittedOnTime = new Map<string, number>();
  for (const item of model.items) {
    if (item.status === 'diajukan' && !item.overdue) submittedOnTime.set(item.opdCode, (submittedOnTime.get(item.opdCode) ?? 0) + 1);
  }
  return model.opds.map((row) => {
    const submitted = submittedOnTime.get(row.code) ?? 0;
    return { label: row.code, done: row.done, submitted, open: Math.max(0, row.open - row.overdue - submitted), overdue: row.overdue };
  });
}

function opdChart(model: ReportModel): Promise<Buffer> {
  return renderOpdChart({ title: REPORT_CHART_TITLES.opds(model.year), subtitle: model.workspaceName, rows: opdChartRows(model) });
}

/** The report's four charts as PNGs, rendered one after another (chart.js is synchronous anyway). */
export async function renderReportCharts(model: ReportModel): Promise<ReportCharts> {
  return {
    domains: await domainChart(model),
    stages: await stageChart(model),
    trend: await trendChart(model),
    opds: await opdChart(model),
  };
}
