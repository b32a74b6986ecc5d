// How the index looks in a chat: the overview text and the two charts behind its button.
import type { EvaluationContext } from '../../db/evaluations.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import type { FrameworkDef, IndicatorDef } from '../../domain/framework-types.ts';
import type { IndexOverview } from '../../domain/index-overview.ts';
import { formatFraction, toRoundedNumber } from '../../domain/numbers.ts';
import { STAGE_LABELS } from '../../domain/stages.ts';
import type { Access, BotContext } from '../context.ts';
import { evidenceTexts, scoreTexts as t } from '../texts.ts';
import type { ItemStatus } from '../../domain/checklists.ts';
import { STATUS_ICONS, STATUS_LABELS } from '../../domain/checklists.ts';
import { bestMissingItems, evidenceBackedLevel, projectedValues } from '../../domain/evidence-level.ts';
import { missingExternalIndices, waitingText } from '../../domain/external-indices.ts';
import { computeIndex } from '../../domain/index-calculation.ts';
import { levelName } from '../../domain/value-labels.ts';

type Workspace = NonNullable<Access['workspace']>;
const fraction = (u: number) => ({ num: u, den: 10_000 });

export { levelName };

export function indexOverviewText(ev: EvaluationContext, o: IndexOverview, ws: Workspace, externalRecorded: ReadonlySet<number>): string {
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
  const waiting = missingExternalIndices(fw, externalRecorded);
  if (waiting.length > 0) lines.push(t.externalWaiting(waiting.map(waitingText)));
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

type LeveledRow = { id: number; title: string; level: number | null; status: string; indicator: { no: number } | null };

/** The index the verified evidence supports, and the open items that would raise it most. */
export function evidenceLines(fw: FrameworkDef, recorded: ReadonlyMap<number, number>, leveled: LeveledRow[]): string[] {
  if (leveled.length === 0) return [];
  const byIndicator = new Map<number, { id: number; title: string; level: number | null; status: ItemStatus }[]>();
  for (const item of leveled) {
    if (!item.indicator) continue;
    const list = byIndicator.get(item.indicator.no) ?? [];
    list.push({ id: item.id, title: item.title, level: item.level, status: item.status as ItemStatus });
    byIndicator.set(item.indicator.no, list);
  }
  const lines: string[] = [''];
  const projected = computeIndex(fw, projectedValues(fw, recorded, byIndicator));
  if (projected.total) lines.push(evidenceTexts.projected(formatFraction(projected.total), projected.predicate ?? ''));
  const best = bestMissingItems(fw, recorded, byIndicator, 3);
  if (best.length > 0) {
    lines.push(evidenceTexts.bestTitle, ...best.map((b) =>
      evidenceTexts.bestLine(b.itemId, b.title, b.indicatorNo, b.toLevel, formatFraction({ num: b.gainUnits, den: 10_000 }))));
  }
  return lines.length > 1 ? lines : [];
}

type IndicatorItem = { id: number; title: string; level: number | null; status: string; opd: { code: string } };

export function indicatorItemLines(fw: FrameworkDef, indicator: IndicatorDef, items: IndicatorItem[]): string[] {
  if (items.length === 0) return [evidenceTexts.indicatorItems('belum ada item.')];
  const counts = new Map<string, number>();
  for (const i of items) counts.set(i.status, (counts.get(i.status) ?? 0) + 1);
  const summary = [...counts].map(([status, n]) => `${n} ${STATUS_LABELS[status as ItemStatus].toLowerCase()}`).join(', ');
  const lines = [evidenceTexts.indicatorItems(summary)];
  lines.push(...items.slice(0, 10).map((i) => evidenceTexts.indicatorItemLine(STATUS_ICONS[i.status as ItemStatus], i.id, i.title, i.level, i.opd.code)));
  const level = evidenceBackedLevel(items.map((i) => ({ level: i.level, status: i.status as ItemStatus })));
  if (level !== null) lines.push(evidenceTexts.indicatorEvidenceLevel(level, levelName(fw, indicator, level)));
  return lines;
}
