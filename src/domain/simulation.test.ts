import { describe, expect, it } from 'vitest';
import type { FrameworkDef, IndicatorDef } from './framework-types.ts';
import { computeIndex } from './index-calculation.ts';
import { simulateTarget } from './simulation.ts';
import { fixtureValues, shippedFramework } from '../../tests/support/frameworks.ts';

const spbe = shippedFramework('spbe-2020');

function smallFramework(weights: number[]): FrameworkDef {
  const indicators: IndicatorDef[] = weights.map((weight, i) => ({
    no: i + 1, name: `I${i + 1}`, aspectNo: 1, weight, scale: 's', evidenceExample: null,
    criteria: [], guidingAgencies: [], owningFunctions: [], externalIndex: null,
  }));
  return {
    ...spbe,
    domains: [],
    aspects: [{ no: 1, name: 'A', domainNo: null, weight: weights.reduce((a, b) => a + b, 0) }],
    indicators,
  };
}

/**
 * Every combination of raises on values in hundredths: r raises take an indicator to the r-th
 * whole value above it. The fewest that reach the target (units), and the largest gain among those.
 */
function bruteForce(weights: number[], values: number[], target: number) {
  let best: { count: number; gain: number } | null = null;
  const walk = (i: number, count: number, gain: number) => {
    if (i === weights.length) {
      const total = weights.reduce((s, w, j) => s + (w * values[j]!) / 100, 0) + gain;
      if (total < target) return;
      if (!best || count < best.count || (count === best.count && gain > best.gain)) best = { count, gain };
      return;
    }
    const v = values[i]!;
    for (let r = 0; r === 0 || Math.floor(v / 100) + r <= 5; r++) {
      const to = r === 0 ? v : (Math.floor(v / 100) + r) * 100;
      walk(i + 1, count + r, gain + ((to - v) * weights[i]!) / 100);
    }
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
      const levels = raw.map(() => (1 + rand(5)) * 100);
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
    const levels = fixtureValues('kaltim-2024-final.csv');
    const result = simulateTarget(spbe, levels, 40_000);
    expect(result.kind).toBe('plan');
    if (result.kind !== 'plan') return;
    expect(result.currentUnits).toBe(37_860);
    // 2 140 units short. Only 45–47 can still rise by a 300-unit step (42–44 are at 5), then
    // the 275-unit indicators 34–41 (32–33 are at 5): 3·300 + 5·275 = 2 275, eight raises.
    expect(result.raises.map((r) => [r.indicatorNo, r.toValue, r.gainUnits])).toEqual([
      [45, 500, 300], [46, 500, 300], [47, 500, 300],
      [34, 500, 275], [35, 500, 275], [36, 500, 275], [37, 500, 275], [38, 500, 275],
    ]);
    expect(result.resultUnits).toBe(40_135);
    const after = new Map(levels);
    for (const r of result.raises) after.set(r.indicatorNo, r.toValue);
    expect(computeIndex(spbe, after).totalUnits).toBe(result.resultUnits);
  });

  it('says when the target is already reached, cannot be reached, or levels are missing', () => {
    const levels = fixtureValues('paser-2024-final.csv');
    expect(simulateTarget(spbe, levels, 30_000)).toEqual({ kind: 'already', currentUnits: 32_670 });
    expect(simulateTarget(spbe, levels, 50_001)).toMatchObject({ kind: 'unreachable', maxUnits: 50_000 });
    levels.delete(3);
    expect(simulateTarget(spbe, levels, 35_000)).toEqual({ kind: 'incomplete', missing: [3] });
  });

  it('finds the optimal plan on decimal values too, checked by brute force (Pemdi-like whole-percent weights)', () => {
    let seed = 11;
    const rand = (n: number) => { seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31; return seed % n; };
    for (let round = 0; round < 300; round++) {
      const n = 2 + rand(3);
      const raw = Array.from({ length: n }, () => (1 + rand(15)) * 100);
      const values = raw.map(() => 100 + rand(401));
      const total = raw.reduce((a, b) => a + b, 0);
      const target = rand(6 * total);
      const result = simulateTarget(smallFramework(raw), new Map(values.map((v, i) => [i + 1, v])), target);
      const expected = bruteForce(raw, values, target);
      if (expected === null) expect(result.kind).toBe('unreachable');
      else if (expected.count === 0) expect(result.kind).toBe('already');
      else {
        expect(result.kind, JSON.stringify({ raw, values, target })).toBe('plan');
        if (result.kind !== 'plan') continue;
        expect(result.raises).toHaveLength(expected.count);
        expect(result.raises.reduce((s, r) => s + r.gainUnits, 0)).toBe(expected.gain);
        expect(result.resultUnits).toBeGreaterThanOrEqual(target);
      }
    }
  });

  it('takes three full steps of a decimal value rather than the largest first gain (where greedy needs four)', () => {
    // 10 % at 1,95: +0,005, then +0,10, +0,10, +0,10; 7 % at 4,00: +0,07 once. Need +0,205:
    // largest-gain-first would take 0,07, 0,005, 0,10, 0,10 (four raises); 0,005 + 0,10 + 0,10 is three.
    const fw = smallFramework([1_000, 700, 8_300]);
    const values = new Map([[1, 195], [2, 400], [3, 500]]);
    const current = (1_000 * 195 + 700 * 400 + 8_300 * 500) / 100;
    const result = simulateTarget(fw, values, current + 2_050);
    expect(result.kind).toBe('plan');
    if (result.kind !== 'plan') return;
    // In the order they can be made: 1,95 → 2,00 first, although it gains least.
    expect(result.raises.map((r) => [r.indicatorNo, r.fromValue, r.toValue, r.gainUnits])).toEqual([
      [1, 195, 200, 50], [1, 200, 300, 1_000], [1, 300, 400, 1_000],
    ]);
    expect(result.resultUnits).toBe(current + 2_050);
  });
});
