// /nilai: a coordinator records an indicator's value at a stage (SPBE: a whole level; Pemdi: a
// decimal 1,00–5,00), or another agency's index value for the indicators that take theirs from
// one (/nilai 5 sdi 58,3): the bot keeps that value and records the indicator value it derives.
import { Composer } from 'telegraf';
import { memberActor } from '../../app/actors.ts';
import type { RecordValueOutcome } from '../../app/scores.ts';
import { recordIndicatorValue } from '../../app/scores.ts';
import { loadEvaluationContext } from '../../db/evaluations.ts';
import { STAGE_LABELS } from '../../domain/stages.ts';
import { formatValue, isDecimalFramework } from '../../domain/values.ts';
import type { FrameworkDef } from '../../domain/framework-types.ts';
import type { CommandSpec } from '../registry.ts';
import { arg, parseWith, words } from '../args.ts';
import type { BotContext } from '../context.ts';
import { guarded } from '../guard.ts';
import { reply } from '../reply.ts';
import { scoreTexts as t, texts } from '../texts.ts';
import { valueWithBand } from '../../domain/value-labels.ts';

/** What /nilai answers: the recorded figures as before the move to src/app, or why not. */
function nilaiReply(outcome: RecordValueOutcome, fw: FrameworkDef, spec: CommandSpec, typedValue: boolean): string {
  if (outcome.ok && outcome.kind === 'external') {
    return t.externalRecorded(outcome.indicator.no, outcome.source, formatValue({ valueDecimals: 2 }, outcome.raw), STAGE_LABELS[outcome.stage],
      outcome.derived === null ? null : valueWithBand(fw, outcome.indicator, outcome.derived), outcome.index, outcome.delta);
  }
  if (outcome.ok) {
    const { oldValue, value } = outcome;
    return t.scoreRecorded(outcome.indicator.no, STAGE_LABELS[outcome.stage], valueWithBand(fw, outcome.indicator, value),
      oldValue === null ? null : formatValue(fw, oldValue), oldValue === value, outcome.index, outcome.delta);
  }
  switch (outcome.problem) {
    case 'external-mismatch': return t.externalUnknown(outcome.indicatorNo, outcome.named, outcome.own, outcome.takers);
    // An index named without its value: the usage alone.
    case 'value': return texts.usage(spec, typedValue ? outcome.reason : undefined);
    case 'note-too-long': return t.noteTooLong;
    case 'refused': return texts.problem(outcome.reason);
    // The command parsed the number and the index code against this framework: not reached.
    case 'indicator': case 'unknown-external': throw new Error(`nilai: a parsed request was refused (${outcome.problem})`);
  }
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

    // "/nilai 5 sdi 58,3": the second word names another agency's index (SDI, SJIG, EPSS, IKASANDI).
    const named = fw.indicators.find((i) => i.externalIndex?.code.toLowerCase() === valueWord.toLowerCase())?.externalIndex ?? null;
    const [rawWord, ...afterValue] = named ? rest : [valueWord, ...rest];
    const stageWord = afterValue[0];
    const explicit = stageWord ? parseWith(arg.stage, stageWord) : null;
    const outcome = await recordIndicatorValue(ctx.deps.db, {
      actor: memberActor(access), context: ev, indicatorNo: no.value, valueText: rawWord ?? '', external: named?.code ?? null,
      stage: explicit?.ok ? explicit.value : null,
      note: (explicit?.ok ? afterValue.slice(1) : afterValue).join(' ').trim() || null,
    });
    await reply(ctx, nilaiReply(outcome, fw, spec, rawWord !== undefined));
  }));

  return composer;
}
