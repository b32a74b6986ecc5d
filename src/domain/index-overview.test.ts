import { describe, expect, it } from 'vitest';
import { fixtureValues, shippedFramework } from '../../tests/support/frameworks.ts';
import { indexOverview } from './index-overview.ts';
import type { Stage } from './stages.ts';

const spbe = shippedFramework('spbe-2020');

describe('indexOverview', () => {
  const recorded = new Map<Stage, Map<number, number>>([
    ['mandiri', fixtureValues('kaltim-2024-final.csv')],
    ['dokumen', fixtureValues('paser-2024-final.csv')],
    ['interviu', new Map([[42, 500]])],
  ]);

  it('shows the latest scored stage, the change from the stage before, and the target gap', () => {
    const o = indexOverview(spbe, recorded, null, 35_000);
    expect(o.stage).toBe('interviu');
    // Interviu carries dokumen's levels (Paser 2024, 32 670) and raises 42 from 4 to 5: +300.
    expect(o.report.totalUnits).toBe(32_970);
    expect(o.previous).toEqual({ stage: 'dokumen', totalUnits: 32_670 });
    expect(o.targetGapUnits).toBe(32_970 - 35_000);
    expect(o.stageTotals.map((s) => s.totalUnits)).toEqual([37_860, 32_670, 32_970, null, null]);
  });

  it('has no previous stage for the first stage and no gap without a target', () => {
    const o = indexOverview(spbe, recorded, 'mandiri', null);
    expect(o.previous).toBeNull();
    expect(o.targetGapUnits).toBeNull();
  });

  it('an incomplete stage has no total and no gap', () => {
    const o = indexOverview(spbe, new Map([['dokumen', new Map([[1, 300]])]]), null, 30_000);
    expect(o.report.totalUnits).toBeNull();
    expect(o.report.missing).toHaveLength(46);
    expect(o.targetGapUnits).toBeNull();
  });
});
