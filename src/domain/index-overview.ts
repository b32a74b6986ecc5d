// What "where do we stand?" answers: the index at a stage, the change against the previous
// stage that has levels, and the distance to the target, all compared unrounded.
import type { FrameworkDef, IndexUnits } from './framework-types.ts';
import type { IndexReport } from './index-calculation.ts';
import { computeIndex } from './index-calculation.ts';
import type { Stage, StageValues } from './stages.ts';
import { effectiveValues, latestScoredStage, STAGES } from './stages.ts';

export interface IndexOverview {
  stage: Stage;
  report: IndexReport;
  /** the closest earlier stage with a complete index, to show the change */
  previous: { stage: Stage; totalUnits: IndexUnits } | null;
  /** index − target in units; null without a target or an index */
  targetGapUnits: IndexUnits | null;
  /** every stage's total (null while incomplete), for the stage chart */
  stageTotals: { stage: Stage; totalUnits: IndexUnits | null }[];
}

export function indexOverview(framework: FrameworkDef, recorded: StageValues, stage: Stage | null, targetUnits: IndexUnits | null): IndexOverview {
  const shown: Stage = stage ?? latestScoredStage(recorded) ?? 'final';
  const stageTotals = STAGES.map((s) => ({
    stage: s,
    totalUnits: (recorded.get(s)?.size ?? 0) > 0 || s === shown ? computeIndex(framework, effectiveValues(recorded, s)).totalUnits : null,
  }));
  const report = computeIndex(framework, effectiveValues(recorded, shown));
  const earlier = stageTotals
    .slice(0, STAGES.indexOf(shown))
    .filter((s) => s.totalUnits !== null && (recorded.get(s.stage)?.size ?? 0) > 0)
    .at(-1);
  return {
    stage: shown,
    report,
    previous: earlier ? { stage: earlier.stage, totalUnits: earlier.totalUnits! } : null,
    targetGapUnits: targetUnits === null || report.totalUnits === null ? null : report.totalUnits - targetUnits,
    stageTotals,
  };
}
