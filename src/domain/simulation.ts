// "What would it take to reach 3,50?": the fewest one-level raises that bring the index to the
// target. A raise lifts an indicator to its next whole value (SPBE 3 → 4; Pemdi 1,26 → 2,00, then
// 3,00): meeting the next level's criteria is what a team can act on, and a whole value L lies in
// band L under both frameworks' rules (values.ts). Each raise adds (to − from) × weight. With
// whole values every raise of an indicator adds the same, but a decimal value's first raise adds
// less than the next ones, so picking the largest gain first is no longer optimal: the plan
// comes from an exact dynamic programme over the number of raises (at most 4 per indicator).
// Among plans of the fewest raises it takes the largest gain; on equal gains the heavier
// indicator, then the lower value, then the lower number takes the raise.
import type { FrameworkDef, IndexUnits, ValueHundredths } from './framework-types.ts';
import { VALUE_MAX, VALUE_SCALE } from './framework-types.ts';
import type { IndicatorValues } from './index-calculation.ts';
import { nextWholeValue } from './values.ts';

export interface Raise {
  indicatorNo: number;
  fromValue: ValueHundredths;
  toValue: ValueHundredths;
  /** what this raise adds to the index, in units (× 10 000) */
  gainUnits: IndexUnits;
}

export type SimulationResult =
  | { kind: 'incomplete'; missing: number[] }
  | { kind: 'already'; currentUnits: IndexUnits }
  | { kind: 'plan'; currentUnits: IndexUnits; resultUnits: IndexUnits; raises: Raise[] }
  | { kind: 'unreachable'; currentUnits: IndexUnits; maxUnits: IndexUnits };

/** The successive one-level raises open to an indicator, up to 5,00. */
export function raisesOf(no: number, weight: number, value: ValueHundredths): Raise[] {
  const raises: Raise[] = [];
  for (let from = value, to = nextWholeValue(from); to !== null; from = to, to = nextWholeValue(from)) {
    raises.push({ indicatorNo: no, fromValue: from, toValue: to, gainUnits: ((to - from) * weight) / VALUE_SCALE });
  }
  return raises;
}

export function simulateTarget(framework: FrameworkDef, values: IndicatorValues, targetUnits: IndexUnits): SimulationResult {
  const missing = framework.indicators.filter((i) => !values.has(i.no)).map((i) => i.no);
  if (missing.length > 0) return { kind: 'incomplete', missing };

  const unitsOf = (v: (i: FrameworkDef['indicators'][number]) => number) =>
    framework.indicators.reduce((s, i) => s + (i.weight * v(i)) / VALUE_SCALE, 0);
  const currentUnits = unitsOf((i) => values.get(i.no)!);
  if (currentUnits >= targetUnits) return { kind: 'already', currentUnits };
  const maxUnits = unitsOf(() => VALUE_MAX);
  if (maxUnits < targetUnits) return { kind: 'unreachable', currentUnits, maxUnits };

  const raises = fewestRaises(framework, values, targetUnits - currentUnits);
  const gain = raises.reduce((s, r) => s + r.gainUnits, 0);
  return { kind: 'plan', currentUnits, resultUnits: currentUnits + gain, raises };
}

/**
 * dp[c] = the largest gain from exactly c raises over the indicators seen so far. Indicators
 * are taken least preferred first and a tie goes to the later one, so on equal gains the
 * preferred indicator (heavier, lower value, lower number) carries the raises.
 */
function fewestRaises(framework: FrameworkDef, values: IndicatorValues, needed: IndexUnits): Raise[] {
  const ladders = framework.indicators
    .map((i) => ({ no: i.no, weight: i.weight, value: values.get(i.no)!, raises: raisesOf(i.no, i.weight, values.get(i.no)!) }))
    .filter((l) => l.raises.length > 0)
    .sort((a, b) => a.weight - b.weight || b.value - a.value || b.no - a.no);

  let dp: number[] = [0];
  const taken: number[][] = [];
  for (const ladder of ladders) {
    const next = new Array<number>(dp.length + ladder.raises.length).fill(Number.NEGATIVE_INFINITY);
    const choice = new Array<number>(next.length).fill(0);
    dp.forEach((base, count) => {
      if (base === Number.NEGATIVE_INFINITY) return;
      let gain = 0;
      for (let r = 0; r <= ladder.raises.length; r++) {
        if (r > 0) gain += ladder.raises[r - 1]!.gainUnits;
        // On a tie the ladder at hand (more preferred than all before it) takes more raises.
        const at = count + r;
        if (base + gain > next[at]! || (base + gain === next[at]! && r > choice[at]!)) {
          next[at] = base + gain;
          choice[at] = r;
        }
      }
    });
    dp = next;
    taken.push(choice);
  }

  let count = dp.findIndex((gain) => gain >= needed);
  const plan: Raise[] = [];
  for (let k = ladders.length - 1; k >= 0; k--) {
    const r = taken[k]![count]!;
    plan.push(...ladders[k]!.raises.slice(0, r));
    count -= r;
  }
  // Listed by indicator, the indicator with the largest gain first, and each indicator's raises in
  // the order they can be made (2,50 → 3,00 before 3,00 → 4,00, even when the second gains more).
  const rank = new Map(ladders.map((l, k) => [l.no, k]));
  const best = new Map<number, number>();
  for (const r of plan) best.set(r.indicatorNo, Math.max(best.get(r.indicatorNo) ?? 0, r.gainUnits));
  return plan.sort((a, b) => best.get(b.indicatorNo)! - best.get(a.indicatorNo)! || rank.get(b.indicatorNo)! - rank.get(a.indicatorNo)! || a.fromValue - b.fromValue);
}
