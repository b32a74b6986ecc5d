// /nilai: a coordinator records an indicator's value at a stage (SPBE: a whole level; Pemdi: a
// decimal 1,00–5,00), or another agency's index value for the indicators that take theirs from
// one (/nilai 5 sdi 58,3): the bot keeps that value and records the indicator value it derives.
import { Composer } from 'telegraf';
import { botActor } from '../../db/audit.ts';
import type { EvaluationContext } from '../../db/evaluations.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { recordExternalScore, recordScore } from '../../db/scores.ts';
import { computeIndex } from '../../domain/index-calculation.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import { formatFraction } from '../../domain/numbers.ts';
import type { Stage } from '../../domain/stages.ts';
import { effectiveValues, latestScoredStage, STAGE_LABELS } from '../../domain/stages.ts';
import { formatValue, isDecimalFramework, parseExternalValue, parseIndicatorValue } from '../../domain/values.ts';
import type { FrameworkDef } from '../../domain/framework-types.ts';
import type { CommandSpec } from '../registry.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { scoreTexts as t, texts } from '../texts.ts';
import { valueWithBand } from './indicator-detail.ts';

const NOTE_MAX = 500;

/** The index of `stage` before and after one value changes, for the reply. */
function indexChange(ev: EvaluationContext, stage: Stage, indicatorNo: number, value: number) {
  const fw = ev.framework.def;
  const before = computeIndex(fw, effectiveValues(ev.recorded, stage));
  const recorded = new Map(ev.recorded);
  recorded.set(stage, new Map(recorded.get(stage) ?? []).set(indicatorNo, value));
  const after = computeIndex(fw, effectiveValues(recorded, stage));
  if (!after.total) return { index: null, delta: null };
  // Units are exact (× 10 000): 0,05 × 0,26 shows as 0,013, not a rounded 0,01.
  const delta = before.totalUnits === null ? null : formatDecimal(after.totalUnits! - before.totalUnits, 4, 2);
  return { index: formatFraction(after.total), delta };
}

/** The usage a refusal shows, in the framework's own terms: whole levels, or decimals and external indices. */
function nilaiUsage(spec: CommandSpec, fw: FrameworkDef): CommandSpec {
  const external = fw.indicators.find((i) => i.externalIndex?.derive)?.externalIndex;
  if (!isDecimalFramework(fw)) return { ...spec, usage: '/nilai <no> <tingkat 1–5> [tahap] [catatan]', example: '/nilai 12 4 dokumen SK sudah terbit' };
  const ext = external ? ` · /nilai <no> <${external.code.toLowerCase()}|…> <nilai indeks> [tahap]` : '';
  return { ...spec, usage: `/nilai <no> <nilai 1,00–5,00> [tahap] [catatan]${ext}`, example: '/nilai 3 1,26 dokumen' };
}

export function scoreRecordFeature() {
  const composer = new Composer<BotContext>();

  composer.command('nilai', guarded('nilai', async (ctx, access, registered) => {
    const ev = await loadEvaluationContext(ctx.deps.db, access.workspace.id);
    const fw = ev.framework.def;
    const spec = nilaiUsage(registered, fw);
    const [noWord, valueWord, ...rest] = words(ctx.payload);
    const no = parseWith(arg.indicatorNo(fw.indicators.length), noWord ?? '');
    if (!no.ok || !valueWord) return void (await reply(ctx, texts.usage(spec, noWord && !no.ok ? no.problem : undefined)));
    const indicator = fw.indicators.find((i) => i.no === no.value)!;

    // "/nilai 5 sdi 58,3": the second word names another agency's index (SDI, SJIG, EPSS, IKASANDI).
    const ext = indicator.externalIndex;
    const named = fw.indicators.find((i) => i.externalIndex?.code.toLowerCase() === valueWord.toLowerCase())?.externalIndex ?? null;
    const isExternal = named !== null;
    if (named && ext?.code !== named.code) {
      return void (await reply(ctx, t.externalUnknown(indicator.no, named.code, ext?.code ?? null,
        fw.indicators.filter((i) => i.externalIndex?.code === named.code).map((i) => i.no))));
    }
    const [rawWord, ...afterValue] = isExternal ? rest : [valueWord, ...rest];
    const parsedValue = isExternal ? null : parseIndicatorValue(fw, rawWord!);
    const parsedExternal = isExternal ? parseExternalValue(ext!, rawWord ?? '') : null;
    if (parsedValue && !parsedValue.ok) return void (await reply(ctx, texts.usage(spec, parsedValue.problem)));
    if (parsedExternal && !parsedExternal.ok) return void (await reply(ctx, texts.usage(spec, rawWord ? parsedExternal.problem : undefined)));

    const stageWord = afterValue[0];
    const explicit = stageWord ? parseWith(arg.stage, stageWord) : null;
    const stage: Stage = explicit?.ok ? explicit.value : (latestScoredStage(ev.recorded) ?? 'mandiri');
    const note = (explicit?.ok ? afterValue.slice(1) : afterValue).join(' ').trim() || null;
    if (note && note.length > NOTE_MAX) return void (await reply(ctx, t.noteTooLong));

    const base = {
      evaluationId: ev.evaluation.id, workspaceId: access.workspace.id, indicatorId: ev.framework.indicatorIds.get(indicator.no)!,
      indicatorNo: indicator.no, stage, note,
    };
    if (parsedExternal?.ok) {
      const derived = parsedExternal.derived;
      await recordExternalScore(ctx.deps.db, { ...base, source: ext!.code, raw: parsedExternal.raw, derived }, botActor(access.personId));
      const change = derived === null ? null : indexChange(ev, stage, indicator.no, derived);
      return void (await reply(ctx, t.externalRecorded(
        indicator.no, ext!.code, formatValue({ valueDecimals: 2 }, parsedExternal.raw), STAGE_LABELS[stage],
        derived === null ? null : valueWithBand(fw, indicator, derived), change?.index ?? null, change?.delta ?? null)));
    }
    const value = parsedValue!.ok ? parsedValue!.value : 0;
    const change = indexChange(ev, stage, indicator.no, value);
    const { oldValue } = await recordScore(ctx.deps.db, { ...base, value }, botActor(access.personId));
    await reply(ctx, t.scoreRecorded(indicator.no, STAGE_LABELS[stage], valueWithBand(fw, indicator, value),
      oldValue === null ? null : formatValue(fw, oldValue), oldValue === value, change.index, change.delta));
  }));

  return composer;
}
