// Scores and the index: /indeks, /skor, /domain, /simulasi and the chart button (/nilai: score-record.ts).
import { Composer, Markup } from 'telegraf';
import { findExternalValue, listExternalValues } from '../../db/external-values.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { findIndicatorOwners } from '../../db/owners.ts';
import { listIndicatorItems, listLeveledItems } from '../../db/checklists.ts';
import { findIndicatorScores } from '../../db/scores.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import { computeIndex } from '../../domain/index-calculation.ts';
import { indexOverview } from '../../domain/index-overview.ts';
import { formatFraction } from '../../domain/numbers.ts';
import { simulateTarget } from '../../domain/simulation.ts';
import { formatValue, isDecimalFramework } from '../../domain/values.ts';
import { effectiveValues, latestScoredStage, STAGE_LABELS, STAGES } from '../../domain/stages.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded, requireAccess } from '../guard.ts';
import { reply } from '../reply.ts';
import { scoreTexts as t, texts } from '../texts.ts';
import { indicatorDetailLines } from './indicator-detail.ts';
import { evidenceLines, indexOverviewText, sendIndexCharts } from './score-views.ts';

const units = (u: number) => formatFraction({ num: u, den: 10_000 });
const weightText = (w: number) => formatDecimal(w, 2, 0);

export function scoresFeature() {
  const composer = new Composer<BotContext>();

  composer.command('indeks', guarded('indeks', async (ctx, access, spec) => {
    const [stageWord, extra] = words(ctx.payload);
    const stage = stageWord ? parseWith(arg.stage, stageWord) : null;
    if ((stage && !stage.ok) || extra) return void (await reply(ctx, texts.usage(spec, stage && !stage.ok ? stage.problem : undefined)));
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const overview = indexOverview(ev.framework.def, ev.recorded, stage?.ok ? stage.value : null, access.workspace.targetUnits);
    // SPBE has no other agencies' indices: its /indeks pays no query for them.
    const usesExternal = ev.framework.def.indicators.some((i) => i.externalIndex);
    const [leveled, external] = await Promise.all([
      listLeveledItems(ctx.deps.db, access.workspace.id, ev.evaluation.id),
      usesExternal ? listExternalValues(ctx.deps.db, ev.evaluation.id) : new Map(),
    ]);
    const evidence = evidenceLines(ev.framework.def, effectiveValues(ev.recorded, overview.stage), leveled);
    await reply(ctx, [indexOverviewText(ev, overview, access.workspace, new Set(external.keys())), ...evidence].join('\n'),
      Markup.inlineKeyboard([Markup.button.callback(t.chartButton, `chart:${overview.stage}`)]));
  }));

  composer.action(/^chart:([a-z]+)$/, async (ctx) => {
    const stage = STAGES.find((s) => s === ctx.match[1]);
    if (!stage) return void (await ctx.answerCbQuery(texts.staleButton));
    const access = await requireAccess(ctx, { name: 'indeks', audience: 'member' });
    if (!access) return;
    await ctx.answerCbQuery();
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    await sendIndexCharts(ctx, ev, indexOverview(ev.framework.def, ev.recorded, stage, access.workspace.targetUnits), access.workspace);
  });

  composer.command('skor', guarded('skor', async (ctx, access, spec) => {
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const fw = ev.framework.def;
    const args = words(ctx.payload);
    const no = parseWith(arg.indicatorNo(fw.indicators.length), args[0] ?? '');
    if (!no.ok || args.length !== 1) return void (await reply(ctx, texts.usage(spec, args[0] && !no.ok ? no.problem : undefined)));
    const indicator = fw.indicators.find((i) => i.no === no.value)!;
    const aspect = fw.aspects.find((a) => a.no === indicator.aspectNo)!;
    const domain = fw.domains.find((d) => d.no === aspect.domainNo) ?? null;
    const indicatorId = ev.framework.indicatorIds.get(indicator.no)!;
    const [stored, owners, items] = await Promise.all([
      findIndicatorScores(ctx.deps.db, ev.evaluation.id, indicatorId),
      findIndicatorOwners(ctx.deps.db, access.workspace.id, indicatorId),
      listIndicatorItems(ctx.deps.db, access.workspace.id, ev.evaluation.id, indicatorId),
    ]);
    const external = indicator.externalIndex ? await findExternalValue(ctx.deps.db, ev.evaluation.id, indicatorId) : null;
    const lines = indicatorDetailLines(ev, indicator, { aspect: aspect.name, domain: domain?.name ?? null, stored, owners: owners.map((o) => o.name), items, external });
    await reply(ctx, lines.join('\n'));
  }));

  composer.command('domain', guarded('domain', async (ctx, access, spec) => {
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const fw = ev.framework.def;
    const byAspect = fw.domains.length === 0;
    const args = words(ctx.payload);
    const no = parseWith(arg.number(byAspect ? fw.aspects.length : fw.domains.length), args[0] ?? '');
    if (!no.ok || args.length !== 1) return void (await reply(ctx, texts.usage(spec, args[0] && !no.ok ? no.problem : undefined)));
    const stage = latestScoredStage(ev.recorded) ?? 'final';
    const values = effectiveValues(ev.recorded, stage);
    const report = computeIndex(fw, values);
    const value = (v: { value: { num: number; den: number } | null } | undefined) => (v?.value ? formatFraction(v.value) : null);
    const lines: string[] = [];
    const aspects = byAspect ? fw.aspects.filter((a) => a.no === no.value) : fw.aspects.filter((a) => a.domainNo === no.value);
    if (byAspect) {
      lines.push(t.noDomainsNote(fw.name));
      const a = aspects[0]!;
      lines.push(t.aspectTitleOnly(a.no, a.name, value(report.aspects.find((x) => x.no === a.no)), STAGE_LABELS[stage]));
    } else {
      const d = fw.domains.find((x) => x.no === no.value)!;
      lines.push(t.domainTitle(d.no, d.name, value(report.domains.find((x) => x.no === d.no)), STAGE_LABELS[stage]));
    }
    for (const a of aspects) {
      if (!byAspect) lines.push(t.aspectHeader(a.no, a.name, value(report.aspects.find((x) => x.no === a.no))));
      for (const i of fw.indicators.filter((x) => x.aspectNo === a.no)) {
        const v = values.get(i.no);
        lines.push(t.indicatorLine(i.no, i.name, v === undefined ? null : formatValue(fw, v), weightText(i.weight)));
      }
    }
    await reply(ctx, lines.join('\n'));
  }));

  composer.command('simulasi', guarded('simulasi', async (ctx, access, spec) => {
    const args = words(ctx.payload);
    const target = args[0] ? parseWith(arg.target, args[0]) : null;
    if ((target && !target.ok) || args.length > 1) return void (await reply(ctx, texts.usage(spec, target && !target.ok ? target.problem : undefined)));
    const targetUnits = target?.ok ? target.value : access.workspace.targetUnits;
    if (targetUnits === null) return void (await reply(ctx, t.simulationNeedsTarget));
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const stage = latestScoredStage(ev.recorded) ?? 'final';
    const fw = ev.framework.def;
    const result = simulateTarget(fw, effectiveValues(ev.recorded, stage), targetUnits);
    const targetText = formatDecimal(targetUnits, 4, 2);
    switch (result.kind) {
      case 'incomplete': return void (await reply(ctx, t.simulationIncomplete(result.missing)));
      case 'already': return void (await reply(ctx, t.simulationAlready(units(result.currentUnits), targetText)));
      case 'unreachable': return void (await reply(ctx, t.simulationUnreachable(targetText, units(result.maxUnits))));
      case 'plan': await reply(ctx, [
        t.simulationPlan(units(result.currentUnits), targetText, result.raises.length, units(result.resultUnits)),
        ...result.raises.map((r) => t.simulationRaise(r.indicatorNo, formatValue(fw, r.fromValue), formatValue(fw, r.toValue), units(r.gainUnits))),
        t.simulationStage(STAGE_LABELS[stage]),
        ...(isDecimalFramework(fw) ? [t.simulationDecimalRule] : []),
      ].join('\n'));
    }
  }));

  return composer;
}

