// Recording an indicator's value at a stage (issue 14, item 5): /nilai and `scores set` call this.
// The value is the indicator's own (a whole level for SPBE, 1,00–5,00 for Pemdi) or another
// agency's index value (SDI 58,3) for an indicator that takes its value from one, from which the
// regulation's table derives the indicator value. The write keeps the old value in the history and
// the audit (db/scores.ts); the outcome carries the index of that stage before and after, so every
// transport shows the same figures. Nobody is told: /indeks and the dashboard show the new index.
import type { EvaluationContext } from '../db/evaluations.ts';
import type { Db } from '../db/client.ts';
import { recordExternalScore, recordScore } from '../db/scores.ts';
import { formatDecimal } from '../domain/decimal.ts';
import type { ExternalIndexDef, IndicatorDef } from '../domain/framework-types.ts';
import { computeIndex } from '../domain/index-calculation.ts';
import { formatFraction } from '../domain/numbers.ts';
import type { Stage } from '../domain/stages.ts';
import { effectiveValues, latestScoredStage } from '../domain/stages.ts';
import { parseExternalValue, parseIndicatorValue } from '../domain/values.ts';
import type { AppActor } from './actors.ts';
import { auditActorOf, isKoordinator, KOORDINATOR_ONLY } from './actors.ts';

/** Longest note kept with a value (it is shown in /skor). */
export const NOTE_MAX_LENGTH = 500;

export interface RecordValueRequest {
  actor: AppActor;
  /** the evaluation the transport loaded for this workspace (its framework read the request) */
  context: EvaluationContext;
  indicatorNo: number;
  /** as typed: the indicator's value, or with `external` that index's value */
  valueText: string;
  /** the code of another agency's index (SDI, SJIG, …) the value is of; null: the indicator's own */
  external: string | null;
  /** null: the latest stage with values, else mandiri (as /nilai without a stage) */
  stage: Stage | null;
  note: string | null;
}

/** The stage's index after the change (3,79) and by how much it moved (0,013), when it can be computed. */
export interface IndexChange {
  index: string | null;
  delta: string | null;
}

export type RecordValueOutcome =
  | ({ ok: true; kind: 'value'; indicator: IndicatorDef; stage: Stage; value: number; oldValue: number | null } & IndexChange)
  | ({ ok: true; kind: 'external'; indicator: IndicatorDef; stage: Stage; source: string; raw: number; derived: number | null } & IndexChange)
  | { ok: false; problem: 'indicator' }
  /** an index no indicator takes its value from */
  | { ok: false; problem: 'unknown-external'; codes: string[] }
  /** an index of other indicators: `own` is this one's (or null), `takers` the indicators `named` is for */
  | { ok: false; problem: 'external-mismatch'; indicatorNo: number; named: string; own: string | null; takers: number[] }
  | { ok: false; problem: 'value'; reason: string }
  | { ok: false; problem: 'note-too-long' }
  | { ok: false; problem: 'refused'; reason: string };

type Refusal = Extract<RecordValueOutcome, { ok: false }>;

/** The index of `stage` before and after one value changes. */
function indexChange(ev: EvaluationContext, stage: Stage, indicatorNo: number, value: number): IndexChange {
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

/** The index the request names, checked against the indicator's own; null for the indicator's own value. */
function externalOf(ev: EvaluationContext, indicator: IndicatorDef, code: string | null): ExternalIndexDef | Refusal | null {
  if (code === null) return null;
  const indicators = ev.framework.def.indicators;
  const named = indicators.find((i) => i.externalIndex?.code.toLowerCase() === code.toLowerCase())?.externalIndex;
  if (!named) return { ok: false, problem: 'unknown-external', codes: [...new Set(indicators.flatMap((i) => i.externalIndex?.code ?? []))] };
  if (indicator.externalIndex?.code !== named.code) {
    return {
      ok: false, problem: 'external-mismatch', indicatorNo: indicator.no, named: named.code, own: indicator.externalIndex?.code ?? null,
      takers: indicators.filter((i) => i.externalIndex?.code === named.code).map((i) => i.no),
    };
  }
  return named;
}

export async function recordIndicatorValue(db: Db, request: RecordValueRequest): Promise<RecordValueOutcome> {
  if (!isKoordinator(request.actor)) return { ok: false, problem: 'refused', reason: KOORDINATOR_ONLY };
  const ev = request.context;
  const fw = ev.framework.def;
  const indicator = fw.indicators.find((i) => i.no === request.indicatorNo);
  if (!indicator) return { ok: false, problem: 'indicator' };
  const ext = externalOf(ev, indicator, request.external);
  if (ext && 'ok' in ext) return ext;
  const parsed = ext ? parseExternalValue(ext, request.valueText) : parseIndicatorValue(fw, request.valueText);
  if (!parsed.ok) return { ok: false, problem: 'value', reason: parsed.problem };
  if (request.note && request.note.length > NOTE_MAX_LENGTH) return { ok: false, problem: 'note-too-long' };

  const stage = request.stage ?? latestScoredStage(ev.recorded) ?? 'mandiri';
  const base = {
    evaluationId: ev.evaluation.id, workspaceId: ev.evaluation.workspaceId, indicatorId: ev.framework.indicatorIds.get(indicator.no)!,
    indicatorNo: indicator.no, stage, note: request.note,
  };
  const actor = auditActorOf(request.actor);
  if (ext && 'raw' in parsed) {
    await recordExternalScore(db, { ...base, source: ext.code, raw: parsed.raw, derived: parsed.derived }, actor);
    const change = parsed.derived === null ? { index: null, delta: null } : indexChange(ev, stage, indicator.no, parsed.derived);
    return { ok: true, kind: 'external', indicator, stage, source: ext.code, raw: parsed.raw, derived: parsed.derived, ...change };
  }
  const value = 'value' in parsed ? parsed.value : 0;
  const change = indexChange(ev, stage, indicator.no, value);
  const { oldValue } = await recordScore(db, { ...base, value }, actor);
  return { ok: true, kind: 'value', indicator, stage, value, oldValue, ...change };
}
