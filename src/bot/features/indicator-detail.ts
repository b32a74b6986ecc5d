// What /skor shows of one indicator: its place and weight, its value per stage (Pemdi: with the
// band and predicate of each value), what the next level needs (the regulation's criteria), the
// guiding agencies and owning functions, another agency's index value where it takes one, the
// checklist items behind it and the value their verified evidence supports, as an estimate.
import type { EvaluationContext } from '../../db/evaluations.ts';
import type { StoredExternalValue } from '../../db/external-values.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import type { ItemStatus } from '../../domain/checklists.ts';
import { evidenceBackedLevel, evidenceValue } from '../../domain/evidence-level.ts';
import type { FrameworkDef, IndicatorDef } from '../../domain/framework-types.ts';
import type { Stage } from '../../domain/stages.ts';
import { effectiveValues, latestScoredStage, STAGE_LABELS, STAGES } from '../../domain/stages.ts';
import { isDecimalFramework, levelOfValue } from '../../domain/values.ts';
import { scoreTexts as t } from '../texts.ts';
import { indicatorItemLines } from './score-views.ts';
import { levelName, valueWithBand } from '../../domain/value-labels.ts';

export { valueWithBand } from '../../domain/value-labels.ts';

type ItemRow = { id: number; title: string; level: number | null; status: string; opd: { code: string } };

export interface IndicatorDetailInput {
  aspect: string;
  domain: string | null;
  stored: { stage: string; note: string | null; author: { displayName: string } | null }[];
  owners: string[];
  items: ItemRow[];
  external: StoredExternalValue | null;
}

export function indicatorDetailLines(ev: EvaluationContext, indicator: IndicatorDef, input: IndicatorDetailInput): string[] {
  const fw = ev.framework.def;
  const lines = [t.indicatorTitle(indicator.no, indicator.name), t.indicatorPlace(input.aspect, input.domain, formatDecimal(indicator.weight, 2, 0)), ''];
  let carriedAny = false;
  for (const stage of STAGES) {
    const own = ev.recorded.get(stage)?.get(indicator.no) ?? null;
    const value = effectiveValues(ev.recorded, stage).get(indicator.no) ?? null;
    const carried = own === null && value !== null;
    carriedAny ||= carried;
    lines.push(t.indicatorStage(STAGE_LABELS[stage], value === null ? null : valueWithBand(fw, indicator, value), carried));
  }
  if (carriedAny) lines.push(t.indicatorCarriedNote);
  for (const s of input.stored.filter((x) => x.note)) {
    lines.push(t.indicatorNote(STAGE_LABELS[s.stage as Stage] ?? s.stage, s.note!, s.author?.displayName ?? null));
  }

  const latest = latestScoredStage(ev.recorded);
  const current = latest ? effectiveValues(ev.recorded, latest).get(indicator.no) : undefined;
  lines.push(...criteriaLines(fw, indicator, current));
  if (indicator.externalIndex) {
    const ext = indicator.externalIndex;
    const raw = input.external ? formatDecimal(input.external.raw, 2, 0) : null;
    const derived = input.external?.derived == null ? null : valueWithBand(fw, indicator, input.external.derived);
    lines.push(t.indicatorExternal(ext.code, ext.name, ext.agency, raw, derived));
  }
  if (indicator.guidingAgencies.length > 0) lines.push(t.indicatorAgencies(indicator.guidingAgencies));
  if (indicator.owningFunctions.length > 0) lines.push(t.indicatorFunctions(indicator.owningFunctions));

  lines.push('', t.indicatorOwners(input.owners));
  lines.push(...indicatorItemLines(fw, indicator, input.items));
  const level = evidenceBackedLevel(input.items.map((i) => ({ level: i.level, status: i.status as ItemStatus })));
  if (level !== null && isDecimalFramework(fw)) {
    lines.push(t.indicatorEstimate(valueWithBand(fw, indicator, evidenceValue(fw, level, current))));
  }
  if (indicator.evidenceExample) {
    lines.push(t.indicatorEvidence(indicator.evidenceExample));
    if (fw.unconfirmed.length > 0) lines.push(t.indicatorEvidenceUnconfirmed);
  }
  return lines;
}

/** The criterion of the level the value stands at, and of the next one (or that it is the top). */
function criteriaLines(fw: FrameworkDef, indicator: IndicatorDef, current: number | undefined): string[] {
  if (indicator.criteria.length !== 5) return [];
  const level = current === undefined ? 0 : levelOfValue(fw, current);
  const lines = [''];
  if (level >= 1) lines.push(t.indicatorCurrentCriteria(level, levelName(fw, indicator, level), indicator.criteria[level - 1]!));
  if (level >= 5) lines.push(t.indicatorTop);
  else lines.push(t.indicatorNextCriteria(level + 1, levelName(fw, indicator, level + 1), indicator.criteria[level]!));
  return lines;
}
