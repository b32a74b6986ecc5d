// Scores and the index: /indeks, /skor, /domain, /simulasi, /nilai and the chart button.
import { Composer, Markup } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { findIndicatorOwners } from '../../db/owners.ts';
import { listIndicatorItems, listLeveledItems } from '../../db/checklists.ts';
import { findIndicatorScores, recordScore } from '../../db/scores.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import { computeIndex } from '../../domain/index-calculation.ts';
import { indexOverview } from '../../domain/index-overview.ts';
import { formatFraction } from '../../domain/numbers.ts';
import { simulateTarget } from '../../domain/simulation.ts';
import type { Stage } from '../../domain/stages.ts';
import { effectiveLevels, latestScoredStage, STAGE_LABELS, STAGES } from '../../domain/stages.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded, requireAccess } from '../guard.ts';
import { reply } from '../reply.ts';
import { scoreTexts as t, texts } from '../texts.ts';
import { evidenceLines, indexOverviewText, indicatorItemLines, levelName, sendIndexCharts } from './score-views.ts';

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
    const leveled = await listLeveledItems(ctx.deps.db, access.workspace.id, ev.evaluation.id);
    const evidence = evidenceLines(ev.framework.def, effectiveLevels(ev.recorded, overview.stage), leveled);
    await reply(ctx, [indexOverviewText(ev, overview, access.workspace), ...evidence].join('\n'),
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
    const lines = [t.indicatorTitle(indicator.no, indicator.name), t.indicatorPlace(aspect.name, domain?.name ?? null, weightText(indicator.weight)), ''];
    let carriedAny = false;
    for (const stage of STAGES) {
      const own = ev.recorded.get(stage)?.get(indicator.no) ?? null;
      const level = effectiveLevels(ev.recorded, stage).get(indicator.no) ?? null;
      const carried = own === null && level !== null;
      carriedAny ||= carried;
      lines.push(t.indicatorStage(STAGE_LABELS[stage], level, level === null ? null : levelName(fw, indicator, level), carried));
    }
    if (carriedAny) lines.push(t.indicatorCarriedNote);
    for (const s of stored.filter((x) => x.note)) {
      lines.push(t.indicatorNote(STAGE_LABELS[s.stage as Stage] ?? s.stage, s.note!, s.author?.displayName ?? null));
    }
    lines.push('', t.indicatorOwners(owners.map((o) => o.name)));
    lines.push(...indicatorItemLines(fw, indicator, items));
    if (indicator.externalSource) lines.push(t.indicatorExternal(indicator.externalSource));
    if (indicator.evidenceExample) lines.push(t.indicatorEvidence(indicator.evidenceExample));
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
    const levels = effectiveLevels(ev.recorded, stage);
    const report = computeIndex(fw, levels);
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
        lines.push(t.indicatorLine(i.no, i.name, levels.get(i.no) ?? null, weightText(i.weight)));
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
    const result = simulateTarget(ev.framework.def, effectiveLevels(ev.recorded, stage), targetUnits);
    const targetText = formatDecimal(targetUnits, 4, 2);
    switch (result.kind) {
      case 'incomplete': return void (await reply(ctx, t.simulationIncomplete(result.missing)));
      case 'already': return void (await reply(ctx, t.simulationAlready(units(result.currentUnits), targetText)));
      case 'unreachable': return void (await reply(ctx, t.simulationUnreachable(targetText, units(result.maxUnits))));
      case 'plan': await reply(ctx, [
        t.simulationPlan(units(result.currentUnits), targetText, result.raises.length, units(result.resultUnits)),
        ...result.raises.map((r) => t.simulationRaise(r.indicatorNo, r.toLevel, units(r.gainUnits))),
        t.simulationStage(STAGE_LABELS[stage]),
      ].join('\n'));
    }
  }));

  composer.command('nilai', guarded('nilai', async (ctx, access, spec) => {
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const fw = ev.framework.def;
    const [noWord, levelWord, ...rest] = words(ctx.payload);
    const no = parseWith(arg.indicatorNo(fw.indicators.length), noWord ?? '');
    const level = parseWith(arg.level, levelWord ?? '');
    if (!no.ok || !level.ok) {
      const problem = noWord && !no.ok ? no.problem : levelWord && !level.ok ? level.problem : undefined;
      return void (await reply(ctx, texts.usage(spec, problem)));
    }
    const stageWord = rest[0];
    const explicit = stageWord ? parseWith(arg.stage, stageWord) : null;
    const stage: Stage = explicit?.ok ? explicit.value : (latestScoredStage(ev.recorded) ?? 'mandiri');
    const note = (explicit?.ok ? rest.slice(1) : rest).join(' ').trim() || null;
    if (note && note.length > 500) return void (await reply(ctx, t.noteTooLong));
    const indicator = fw.indicators.find((i) => i.no === no.value)!;
    const { oldLevel } = await recordScore(ctx.deps.db, {
      evaluationId: ev.evaluation.id, workspaceId: access.workspace.id, indicatorId: ev.framework.indicatorIds.get(indicator.no)!,
      indicatorNo: indicator.no, stage, level: level.value, note,
    }, botActor(access.personId));
    const recorded = new Map(ev.recorded);
    recorded.set(stage, new Map(recorded.get(stage) ?? []).set(indicator.no, level.value));
    const after = computeIndex(fw, effectiveLevels(recorded, stage));
    await reply(ctx, t.scoreRecorded(indicator.no, STAGE_LABELS[stage], level.value, levelName(fw, indicator, level.value), oldLevel,
      after.total ? formatFraction(after.total) : null));
  }));

  return composer;
}

