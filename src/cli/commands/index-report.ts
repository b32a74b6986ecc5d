import { formatDecimal } from '../../domain/decimal.ts';
import type { GroupIndex } from '../../domain/index-calculation.ts';
import { listExternalValues } from '../../db/external-values.ts';
import { missingExternalIndices, waitingText } from '../../domain/external-indices.ts';
import { computeIndex } from '../../domain/index-calculation.ts';
import { formatFraction, formatSignedFraction, toRoundedNumber } from '../../domain/numbers.ts';
import type { Stage } from '../../domain/stages.ts';
import { effectiveValues, latestScoredStage, STAGE_LABELS } from '../../domain/stages.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { renderTable } from '../table.ts';
import { requireEvaluation, requireWorkspace } from './lookup.ts';
import { parseStageOption } from './scores.ts';

const USAGE = 'npm run cli -- index --workspace <slug> [--stage final] [--year <tahun>] [--json]';

const groupJson = (g: GroupIndex) => ({ no: g.no, name: g.name, index: g.value && toRoundedNumber(g.value) });

export async function indexCommand(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, stage: { type: 'string' }, year: { type: 'string' }, json: { type: 'boolean' },
  }, ['workspace'], USAGE);
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const { evaluation, framework, recorded } = await requireEvaluation(ctx, workspace.id, year);
  // Without --stage, the latest stage that has scores (product.md); nothing scored → final.
  const stage: Stage = o.stage === undefined ? (latestScoredStage(recorded) ?? 'final') : parseStageOption(o.stage, 'final');
  const report = computeIndex(framework.def, effectiveValues(recorded, stage));
  const waiting = missingExternalIndices(framework.def, new Set((await listExternalValues(ctx.db, evaluation.id)).keys()));

  if (o.json) {
    ctx.io.out(JSON.stringify({
      workspace: workspace.slug,
      year: evaluation.year,
      framework: framework.def.code,
      stage,
      index: report.total && toRoundedNumber(report.total),
      predicate: report.predicate,
      target: workspace.targetUnits === null ? null : workspace.targetUnits / 10_000,
      domains: report.domains.map(groupJson),
      aspects: report.aspects.map(groupJson),
      missing: report.missing,
      externalWaiting: waiting.map((w) => ({ code: w.code, agency: w.agency, indicators: w.indicatorNos })),
    }));
    return;
  }

  const fmt = (g: GroupIndex) => (g.value ? formatFraction(g.value) : '–');
  const weight = (w: number) => `${formatDecimal(w, 2, 0)}%`;
  const lines = [
    `${framework.def.name} — ${workspace.name}, evaluasi ${evaluation.year}, tahap ${STAGE_LABELS[stage]}`,
    report.total
      ? `Indeks: ${formatFraction(report.total)} (${report.predicate})`
      : `Indeks belum dapat dihitung: ${report.missing.length} dari ${framework.def.indicators.length} indikator belum bernilai.`,
  ];
  if (workspace.targetUnits !== null) {
    const target = `Target: ${formatDecimal(workspace.targetUnits, 4, 2)}`;
    if (report.totalUnits === null) lines.push(target);
    else {
      // Compared unrounded, like the predicate: 3,4975 has not reached a target of 3,50.
      const gap = { num: report.totalUnits - workspace.targetUnits, den: 10_000 };
      lines.push(gap.num >= 0 ? `${target} — tercapai (${formatSignedFraction(gap)})` : `${target} — belum tercapai (${formatSignedFraction(gap)})`);
    }
  }
  if (report.domains.length > 0) {
    lines.push('', renderTable(['No', 'Domain', 'Bobot', 'Indeks'],
      report.domains.map((d) => [String(d.no), d.name, weight(d.weight), fmt(d)]), [0, 2, 3]));
  }
  lines.push('', renderTable(['No', 'Aspek', 'Bobot', 'Indeks'],
    report.aspects.map((a) => [String(a.no), a.name, weight(a.weight), fmt(a)]), [0, 2, 3]));
  if (report.missing.length > 0) lines.push('', `Belum bernilai: indikator ${report.missing.join(', ')}`);
  if (waiting.length > 0) lines.push('', `Indeks instansi lain: ${waiting.map(waitingText).join('; ')}.`);
  ctx.io.out(lines.join('\n'));
}
