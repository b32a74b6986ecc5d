import { describe, expect, it } from 'vitest';
import type { ItemStatus } from './checklists.ts';
import { bestMissingItems, evidenceBackedLevel, projectedValues } from './evidence-level.ts';
import type { MissingItemCandidate } from './evidence-level.ts';
import { computeIndex } from './index-calculation.ts';
import { fixtureValues, shippedFramework } from '../../tests/support/frameworks.ts';

const spbe = shippedFramework('spbe-2020');

const at = (level: number | null, status: ItemStatus) => ({ level, status });

describe('evidenceBackedLevel (PermenPANRB 8/2026 practice: evidence judged per level)', () => {
  it('a verified level-3 item over an unverified level-2 item gives 1: the lower level blocks', () => {
    expect(evidenceBackedLevel([at(3, 'selesai'), at(2, 'diajukan')])).toBe(1);
  });

  it('verified items at 1, 2 and 3 give 3, not more', () => {
    expect(evidenceBackedLevel([at(1, 'selesai'), at(2, 'selesai'), at(3, 'selesai')])).toBe(3);
  });

  it('a level without items requires nothing: verified 1 and 3 give 3', () => {
    expect(evidenceBackedLevel([at(1, 'selesai'), at(3, 'selesai')])).toBe(3);
  });

  it('a verified level-2 item with no level-1 item gives 2', () => {
    expect(evidenceBackedLevel([at(2, 'selesai')])).toBe(2);
  });

  it('level 1 is the floor, even when nothing is verified or level 1 itself is rejected', () => {
    expect(evidenceBackedLevel([at(1, 'revisi')])).toBe(1);
    expect(evidenceBackedLevel([at(4, 'belum')])).toBe(1);
    expect(evidenceBackedLevel([at(1, 'revisi'), at(2, 'selesai'), at(3, 'selesai')])).toBe(1);
  });

  it('every item at a level must be verified, and only selesai counts as verified', () => {
    expect(evidenceBackedLevel([at(1, 'selesai'), at(2, 'selesai'), at(2, 'revisi'), at(3, 'selesai')])).toBe(1);
    for (const status of ['belum', 'proses', 'diajukan', 'revisi'] as const) {
      expect(evidenceBackedLevel([at(1, 'selesai'), at(2, status)])).toBe(1);
    }
    expect(evidenceBackedLevel([1, 2, 3, 4, 5].map((l) => at(l, 'selesai')))).toBe(5);
  });

  it('ignores cancelled items', () => {
    expect(evidenceBackedLevel([at(1, 'selesai'), at(2, 'dibatalkan'), at(3, 'selesai')])).toBe(3);
    expect(evidenceBackedLevel([at(2, 'selesai'), at(4, 'dibatalkan')])).toBe(2);
  });

  it('ignores items without a level', () => {
    expect(evidenceBackedLevel([at(null, 'revisi'), at(2, 'selesai')])).toBe(2);
  });

  it('has no level without leveled items', () => {
    expect(evidenceBackedLevel([])).toBeNull();
    expect(evidenceBackedLevel([at(null, 'selesai')])).toBeNull();
    expect(evidenceBackedLevel([at(3, 'dibatalkan'), at(null, 'belum')])).toBeNull();
  });
});

describe('projectedValues', () => {
  it('takes the evidence-backed level where there is one, else the recorded level', () => {
    const recorded = new Map([[1, 300], [2, 400], [3, 200]]);
    const items = new Map([
      [2, [at(2, 'selesai'), at(3, 'revisi')]],
      [3, [at(null, 'selesai')]],
      [4, [at(1, 'selesai'), at(2, 'selesai')]],
    ]);
    expect(projectedValues(spbe, recorded, items)).toEqual(new Map([[1, 300], [2, 200], [3, 200], [4, 200]]));
    expect(recorded.get(2)).toBe(400);
  });
});

describe('bestMissingItems on the SPBE framework', () => {
  const recorded = fixtureValues('kaltim-2024-final.csv');
  let nextId = 1;
  const items = (indicatorNo: number, ...specs: [number | null, ItemStatus, number?][]): [number, MissingItemCandidate[]] => [
    indicatorNo,
    specs.map(([level, status, id]) => ({ id: id ?? 1000 + nextId++, title: `Bukti ${indicatorNo}/${level}`, level, status })),
  ];
  // Weights: 1–10 → 130, 11–20 → 250, 21–31 → 150, 32–41 → 275, 42–47 → 300.
  const byIndicator = new Map([
    items(3, [1, 'selesai'], [2, 'proses', 32], [3, 'belum', 33]), // 1 → 2: 130
    items(5, [1, 'revisi', 51]), // the floor: verifying cannot raise it
    items(12, [1, 'selesai'], [2, 'dibatalkan', 121], [3, 'belum', 122]), // 1 → 3: 500
    items(15, [1, 'selesai'], [2, 'selesai'], [3, 'diajukan', 151], [4, 'selesai']), // 2 → 4: 500
    items(22, [1, 'selesai'], [2, 'selesai']), // nothing open
    items(35, [1, 'belum', 351], [2, 'revisi', 352], [3, 'selesai']), // 1 → 3 needs levels 1 and 2: 550
    items(40, [1, 'diajukan', 401], [2, 'selesai'], [3, 'selesai']), // 1 → 3: 550
    items(45, [2, 'revisi', 451], [3, 'belum', 452]), // 1 → 2: 300
    items(47, [null, 'belum', 471], [2, 'proses', 472]), // 1 → 2: 300
    items(99, [2, 'belum', 991]), // not in the framework
  ]);

  it('lists the step items, largest gain first, ties by indicator number', () => {
    expect(bestMissingItems(spbe, recorded, byIndicator, 20)).toEqual([
      { itemId: 351, indicatorNo: 35, title: 'Bukti 35/1', fromValue: 100, toLevel: 3, gainUnits: 550 },
      { itemId: 352, indicatorNo: 35, title: 'Bukti 35/2', fromValue: 100, toLevel: 3, gainUnits: 550 },
      { itemId: 401, indicatorNo: 40, title: 'Bukti 40/1', fromValue: 100, toLevel: 3, gainUnits: 550 },
      { itemId: 122, indicatorNo: 12, title: 'Bukti 12/3', fromValue: 100, toLevel: 3, gainUnits: 500 },
      { itemId: 151, indicatorNo: 15, title: 'Bukti 15/3', fromValue: 200, toLevel: 4, gainUnits: 500 },
      { itemId: 451, indicatorNo: 45, title: 'Bukti 45/2', fromValue: 100, toLevel: 2, gainUnits: 300 },
      { itemId: 472, indicatorNo: 47, title: 'Bukti 47/2', fromValue: 100, toLevel: 2, gainUnits: 300 },
      { itemId: 32, indicatorNo: 3, title: 'Bukti 3/2', fromValue: 100, toLevel: 2, gainUnits: 130 },
    ]);
  });

  it('returns at most 5 by default, and none for a limit of 0', () => {
    expect(bestMissingItems(spbe, recorded, byIndicator).map((m) => m.itemId)).toEqual([351, 352, 401, 122, 151]);
    expect(bestMissingItems(spbe, recorded, byIndicator, 0)).toEqual([]);
  });

  it('measures from the evidence level, not the recorded one (Kaltim recorded 15 higher)', () => {
    expect(recorded.get(15)).toBeGreaterThan(2);
    expect(bestMissingItems(spbe, recorded, byIndicator, 20).find((m) => m.indicatorNo === 15)?.fromValue).toBe(200);
  });

  it('gives exactly the rise of the projected index when a step is verified', () => {
    const before = computeIndex(spbe, projectedValues(spbe, recorded, byIndicator)).totalUnits!;
    const steps = bestMissingItems(spbe, recorded, byIndicator, 100);
    for (const indicatorNo of new Set(steps.map((s) => s.indicatorNo))) {
      const stepIds = new Set(steps.filter((s) => s.indicatorNo === indicatorNo).map((s) => s.itemId));
      const verified = new Map([...byIndicator].map(([no, list]) => [
        no, list.map((i) => (stepIds.has(i.id) ? { ...i, status: 'selesai' as const } : i)),
      ]));
      const after = computeIndex(spbe, projectedValues(spbe, recorded, verified)).totalUnits!;
      expect(after - before, `indicator ${indicatorNo}`).toBe(steps.find((s) => s.indicatorNo === indicatorNo)!.gainUnits);
    }
  });

  it('is empty when everything is verified or nothing is leveled', () => {
    const done = new Map([items(1, [1, 'selesai'], [2, 'selesai']), items(2, [null, 'belum'])]);
    expect(bestMissingItems(spbe, recorded, done)).toEqual([]);
    expect(bestMissingItems(spbe, recorded, new Map())).toEqual([]);
  });
});

describe('the evidence estimate of a Pemdi value', () => {
  const pemdi = shippedFramework('pemdi-2026');

  it('keeps a recorded decimal that stands in the evidence-backed level, else the whole level', () => {
    const recorded = new Map([[1, 126], [2, 126], [3, 310]]);
    const items = new Map([
      [1, [at(1, 'selesai'), at(2, 'diajukan')]], // level 1: 1,26 is in band 1, kept
      [2, [at(1, 'selesai'), at(2, 'selesai')]], // level 2 backed: 2,00
      [3, [at(1, 'selesai'), at(2, 'revisi')]], // level 1 backed, recorded 3,10: the estimate is 1,00
    ]);
    expect(projectedValues(pemdi, recorded, items)).toEqual(new Map([[1, 126], [2, 200], [3, 100]]));
  });

  it('gains from a decimal value count only the part up to the whole level', () => {
    const recorded = new Map(pemdi.indicators.map((i) => [i.no, 100]));
    recorded.set(20, 126);
    const byIndicator = new Map([[20, [{ id: 7, title: 'SKM daring', level: 2, status: 'diajukan' as const }]]]);
    // weight 15 %: (2,00 − 1,26) × 1 500 / 100 = 1 110 units = +0,111
    expect(bestMissingItems(pemdi, recorded, byIndicator)).toEqual([
      { itemId: 7, indicatorNo: 20, title: 'SKM daring', fromValue: 126, toLevel: 2, gainUnits: 1_110 },
    ]);
  });
});
