import { describe, expect, it } from 'vitest';
import type { FrameworkDef, IndicatorDef } from './framework-types.ts';
import { computeIndex } from './index-calculation.ts';
import { simulateTarget } from './simulation.ts';
import { fixtureLevels, shippedFramework } from '../../tests/support/frameworks.ts';

const spbe = shippedFramework('spbe-2020');

function smallFramework(weights: number[]): FrameworkDef {
  const indicators: IndicatorDef[] = weights.map((weight, i) => ({
    no: i + 1, name: `I${i + 1}`, aspectNo: 1, weight, scale: 's', evidenceExample: null, externalSource: null,
  }));
  return {
    ...spbe,
    domains: [],
    aspects: [{ no: 1, name: 'A', domainNo: null, weight: weights.reduce((a, b) => a + b, 0) }],
    indicators,
  };
}

/** Every combination of raises: the fewest that reach the target, and the largest gain among those. */
function bruteForce(weights: number[], levels: number[], target: number) {
  let best: { count: number; gain: number } | null = null;
  const walk = (i: number, count: number, gain: number) => {
    if (i === weights.length) {
      const total = weights.reduce((s, w, j) => s + w * levels[j]!, 0) + gain;
      if (total < target) return;
      if (!best || count < best.count || (count === best.count && gain > best.gain)) best = { count, gain };
      return;
    }
    for (let r = 0; levels[i]! + r <= 5; r++) walk(i + 1, count + r, gain + r * weights[i]!);
  };
  walk(0, 0, 0);
  return best as { count: number; gain: number } | null;
}

describe('simulateTarget', () => {
  it('finds the optimal plan on small cases checked by brute force', () => {
    let seed = 7;
    const rand = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed % n; };
    for (let round = 0; round < 300; round++) {
      const n = 2 + rand(3);
      const raw = Array.from({ length: n }, () => 1 + rand(6) * 50);
      const levels = raw.map(() => 1 + rand(5));
      const total = raw.reduce((a, b) => a + b, 0);
      const target = rand(6 * total);
      const fw = smallFramework(raw);
      const result = simulateTarget(fw, new Map(levels.map((l, i) => [i + 1, l])), target);
      const expected = bruteForce(raw, levels, target);
      if (expected === null) {
        expect(result.kind).toBe('unreachable');
      } else if (expected.count === 0) {
        expect(result.kind).toBe('already');
      } else {
        expect(result.kind).toBe('plan');
        if (result.kind !== 'plan') continue;
        expect(result.raises).toHaveLength(expected.count);
        expect(result.raises.reduce((s, r) => s + r.gainUnits, 0)).toBe(expected.gain);
        expect(result.resultUnits).toBeGreaterThanOrEqual(target);
      }
    }
  });

  it('raises Kaltim 2024 (3,79) to 4,00 with the heaviest indicators first, each with its gain', () => {
    const levels = fixtureLevels('kaltim-2024-final.csv');
    const result = simulateTarget(spbe, levels, 40_000);
    expect(result.kind).toBe('plan');
    if (result.kind !== 'plan') return;
    expect(result.currentUnits).toBe(37_860);
    // 2 140 units short. Only 45–47 can still rise by a 300-unit step (42–44 are at 5), then
    // the 275-unit indicators 34–41 (32–33 are at 5): 3·300 + 5·275 = 2 275, eight raises.
    expect(result.raises.map((r) => [r.indicatorNo, r.toLevel, r.gainUnits])).toEqual([
      [45, 5, 300], [46, 5, 300], [47, 5, 300],
      [34, 5, 275], [35, 5, 275], [36, 5, 275], [37, 5, 275], [38, 5, 275],
    ]);
    expect(result.resultUnits).toBe(40_135);
    const after = new Map(levels);
    for (const r of result.raises) after.set(r.indicatorNo, r.toLevel);
    expect(computeIndex(spbe, after).totalUnits).toBe(result.resultUnits);
  });

  it('says when the target is already reached, cannot be reached, or levels are missing', () => {
    const levels = fixtureLevels('paser-2024-final.csv');
    expect(simulateTarget(spbe, levels, 30_000)).toEqual({ kind: 'already', currentUnits: 32_670 });
    expect(simulateTarget(spbe, levels, 50_001)).toMatchObject({ kind: 'unreachable', maxUnits: 50_000 });
    levels.delete(3);
    expect(simulateTarget(spbe, levels, 35_000)).toEqual({ kind: 'incomplete', missing: [3] });
  });
});
