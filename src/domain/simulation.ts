// "What would it take to reach 3,50?": the fewest one-level raises that bring the index to the
// target. Every raise of indicator i adds exactly its weight w_i to Σ(level × weight), whatever
// the level, so the k raises with the largest gains are the most any k raises can add: taking
// raises in order of weight is optimal in count, and among plans of that count it has the
// largest gain (the tie-break asked for). Among equal weights we raise the indicator at the
// lowest level first (the cheapest step in practice), then the lower number.
import type { FrameworkDef, IndexUnits } from './framework-types.ts';
import type { Levels } from './index-calculation.ts';

export const MAX_LEVEL = 5;

export interface Raise {
  indicatorNo: number;
  fromLevel: number;
  toLevel: number;
  /** what this raise adds to the index, in units (× 10 000) */
  gainUnits: IndexUnits;
}

export type SimulationResult =
  | { kind: 'incomplete'; missing: number[] }
  | { kind: 'already'; currentUnits: IndexUnits }
  | { kind: 'plan'; currentUnits: IndexUnits; resultUnits: IndexUnits; raises: Raise[] }
  | { kind: 'unreachable'; currentUnits: IndexUnits; maxUnits: IndexUnits };

export function simulateTarget(framework: FrameworkDef, levels: Levels, targetUnits: IndexUnits): SimulationResult {
  const missing = framework.indicators.filter((i) => !levels.has(i.no)).map((i) => i.no);
  if (missing.length > 0) return { kind: 'incomplete', missing };

  const current = new Map(framework.indicators.map((i) => [i.no, levels.get(i.no)!]));
  const currentUnits = framework.indicators.reduce((s, i) => s + i.weight * current.get(i.no)!, 0);
  if (currentUnits >= targetUnits) return { kind: 'already', currentUnits };

  const maxUnits = framework.indicators.reduce((s, i) => s + i.weight * MAX_LEVEL, 0);
  if (maxUnits < targetUnits) return { kind: 'unreachable', currentUnits, maxUnits };

  const raises: Raise[] = [];
  let units = currentUnits;
  while (units < targetUnits) {
    const next = framework.indicators
      .filter((i) => current.get(i.no)! < MAX_LEVEL)
      .reduce((best, i) => {
        if (!best) return i;
        if (i.weight !== best.weight) return i.weight > best.weight ? i : best;
        const li = current.get(i.no)!;
        const lb = current.get(best.no)!;
        if (li !== lb) return li < lb ? i : best;
        return i.no < best.no ? i : best;
      }, undefined as FrameworkDef['indicators'][number] | undefined)!;
    const fromLevel = current.get(next.no)!;
    current.set(next.no, fromLevel + 1);
    units += next.weight;
    raises.push({ indicatorNo: next.no, fromLevel, toLevel: fromLevel + 1, gainUnits: next.weight });
  }
  return { kind: 'plan', currentUnits, resultUnits: units, raises };
}
