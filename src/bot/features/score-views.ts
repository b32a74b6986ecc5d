// How the index looks in a chat: the overview text and the two charts behind its button.
import type { EvaluationContext } from '../../db/evaluations.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import type { FrameworkDef, IndicatorDef } from '../../domain/framework-types.ts';
import type { IndexOverview } from '../../domain/index-overview.ts';
import { formatFraction, toRoundedNumber } from '../../domain/numbers.ts';
import { STAGE_LABELS } from '../../domain/stages.ts';
import type { Access, BotContext } from '../context.ts';
import { scoreTexts as t } from '../texts.ts';

type Workspace = NonNullable<Access['workspace']>;
const fraction = (u: number) => ({ num: u, den: 10_000 });

export function levelName(fw: FrameworkDef, indicator: IndicatorDef, level: number): string {
  return fw.levelScales.find((s) => s.code === indicator.scale)?.names[level - 1] ?? String(level);
}

export function indexOverviewText(ev: EvaluationContext, o: IndexOverview, ws: Workspace): string {
  const fw = ev.framework.def;
  const lines = [t.indexTitle(fw.name, ev.evaluation.year, ws.name, STAGE_LABELS[o.stage])];
  const { report } = o;
  if (report.totalUnits === null) {
    lines.push(report.missing.length === fw.indicators.length ? t.noLevels : t.indexIncomplete(report.missing.length, fw.indicators.length));
  } else {
    lines.push(t.indexLine(formatFraction(report.total!), report.predicate ?? ''));
    if (o.previous) lines.push(t.changeLine(STAGE_LABELS[o.previous.stage], formatFraction(fraction(report.totalUnits - o.previous.totalUnits))));
  }
  if (ws.targetUnits !== null) {
    lines.push(t.targetLine(formatDecimal(ws.targetUnits, 4, 2), o.targetGapUnits === null ? null : formatFraction(fraction(o.targetGapUnits))));
  }
  const show = (g: { value: { num: number; den: number } | null }) => (g.value ? formatFraction(g.value) : null);
  if (report.domains.length > 0) {
    lines.push(t.groupHeader('Domain'), ...report.domains.map((d) => t.groupLine(d.no, d.name, show(d))));
  }
  lines.push(t.groupHeader('Aspek'), ...report.aspects.map((a) => t.groupLine(a.no, a.name, show(a))));
  if (report.missing.length > 0 && report.missing.length < fw.indicators.length) lines.push(t.missingLine(report.missing));
  return lines.join('\n');
}

export async function sendIndexCharts(ctx: BotContext, ev: EvaluationContext, o: IndexOverview, ws: Workspace): Promise<void> {
  const fw = ev.framework.def;
  const target = ws.targetUnits === null ? null : ws.targetUnits / 10_000;
  const groups = o.report.domains.length > 0 ? o.report.domains : o.report.aspects;
  const domains = await ctx.deps.charts.domains({
    title: t.chartDomainsTitle(fw.name, ev.evaluation.year, STAGE_LABELS[o.stage]),
    bars: groups.map((g) => ({ label: g.name, value: g.value ? toRoundedNumber(g.value) : null })),
    target,
  });
  const stages = await ctx.deps.charts.stages({
    title: t.chartStagesTitle(fw.name, ev.evaluation.year),
    stages: o.stageTotals
      .filter((s) => s.totalUnits !== null)
      .map((s) => ({ label: STAGE_LABELS[s.stage], value: toRoundedNumber(fraction(s.totalUnits!)) })),
    target,
    bands: fw.predicates.map((p) => ({ name: p.name, min: p.min / 10_000, max: p.max / 10_000 })),
  });
  const caption = t.chartCaption(ws.name);
  await ctx.replyWithPhoto({ source: domains, filename: 'indeks-domain.png' }, { caption, parse_mode: 'HTML' });
  await ctx.replyWithPhoto({ source: stages, filename: 'indeks-tahapan.png' }, { caption, parse_mode: 'HTML' });
}
