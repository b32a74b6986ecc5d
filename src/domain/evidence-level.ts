// The level an indicator's verified evidence supports, the way assessors judge it now
// (PermenPANRB 8/2026 practice: evidence judged per level). Each checklist item may name the
// level it proves; an indicator reaches level L when every item at levels ≤ L is accepted, so a
// rejected lower level blocks the higher ones. Level 1 is the floor (there is no level 0), a level
// without items requires nothing, and the evidence never claims a level above its highest item.
// As a value the evidence gives the whole level (2 → 2,00), unless the recorded value already
// stands in that level's band (1,26 with level 1 backed stays 1,26): the estimate never invents
// precision the items do not have.
import type { FrameworkDef, IndexUnits, ValueHundredths } from './framework-types.ts';
import { LEVELS, VALUE_SCALE } from './framework-types.ts';
import { levelOfValue } from './values.ts';
import type { IndicatorValues } from './index-calculation.ts';
import type { ItemStatus } from './checklists.ts';

export interface LeveledItem {
  level: number | null;
  status: ItemStatus;
}

export interface MissingItemCandidate extends LeveledItem {
  id: number;
  title: string;
}

export interface MissingItem {
  itemId: number;
  indicatorNo: number;
  title: string;
  fromValue: ValueHundredths;
  toLevel: number;
  /** what verifying this step adds to the projected index, in units (× 10 000) */
  gainUnits: IndexUnits;
}

const MIN_LEVEL = LEVELS[0];
const MAX_LEVEL = LEVELS[LEVELS.length - 1]!;

/** Items that take part in the judgement: a level 1..5, not cancelled. */
function counts<T extends LeveledItem>(item: T): item is T & { level: number } {
  return item.level !== null && Number.isInteger(item.level) && item.level >= MIN_LEVEL
    && item.level <= MAX_LEVEL && item.status !== 'dibatalkan';
}

/** Highest L with every item at levels ≤ L verified; null when no item names a level. */
export function evidenceBackedLevel(items: readonly LeveledItem[]): number | null {
  const leveled = items.filter(counts);
  if (leveled.length === 0) return null;
  const levels = [...new Set(leveled.map((i) => i.level))].sort((a, b) => a - b);
  let reached: number = MIN_LEVEL;
  for (const level of levels) {
    if (!leveled.every((i) => i.level !== level || i.status === 'selesai')) break;
    reached = Math.max(reached, level);
  }
  return reached;
}

type ValueFramework = Pick<FrameworkDef, 'valueDecimals' | 'predicates'>;

/** The value an evidence-backed level stands for, given what was recorded. */
export function evidenceValue(fw: ValueFramework, level: number, recorded: ValueHundredths | undefined): ValueHundredths {
  return recorded !== undefined && levelOfValue(fw, recorded) === level ? recorded : level * VALUE_SCALE;
}

/** The evidence-backed value where the items give one, else the value recorded for the stage. */
export function projectedValues(fw: ValueFramework, recorded: IndicatorValues, itemsByIndicator: ReadonlyMap<number, readonly LeveledItem[]>): Map<number, number> {
  const projected = new Map(recorded);
  for (const [no, items] of itemsByIndicator) {
    const level = evidenceBackedLevel(items);
    if (level !== null) projected.set(no, evidenceValue(fw, level, recorded.get(no)));
  }
  return projected;
}

/**
 * The open items whose verification raises the projected index most. Per indicator the next
 * step is verifying every open item at its first blocking level, which lifts the evidence level
 * up to just below the next blocking level. One exception: open level-1 items cannot lift the
 * level on their own while level 2 is blocked too (level 1 is the floor either way), so the step
 * then takes the following blocking level's items with it; an indicator whose open items cannot
 * raise it at all is left out. Every item of a step carries the step's gain. Largest gain first,
 * ties by indicator number, then by item level and id; at most `limit` items.
 */
export function bestMissingItems(
  framework: FrameworkDef,
  recorded: IndicatorValues,
  itemsByIndicator: ReadonlyMap<number, readonly MissingItemCandidate[]>,
  limit = 5,
): MissingItem[] {
  const projected = projectedValues(framework, recorded, itemsByIndicator);
  const rows: (MissingItem & { level: number })[] = [];

  for (const indicator of framework.indicators) {
    const items = (itemsByIndicator.get(indicator.no) ?? []).filter(counts);
    const fromValue = projected.get(indicator.no);
    if (items.length === 0 || fromValue === undefined) continue;
    const fromLevel = levelOfValue(framework, fromValue);

    const open = items.filter((i) => i.status !== 'selesai');
    const blocking = [...new Set(open.map((i) => i.level))].sort((a, b) => a - b);
    const step: typeof open = [];
    for (const level of blocking) {
      step.push(...open.filter((i) => i.level === level));
      const toLevel = evidenceBackedLevel(items.map((i) => (step.includes(i) ? { ...i, status: 'selesai' as const } : i)))!;
      if (toLevel > fromLevel) {
        const gainUnits = (indicator.weight * (toLevel * VALUE_SCALE - fromValue)) / VALUE_SCALE;
        for (const item of step) {
          rows.push({ itemId: item.id, indicatorNo: indicator.no, title: item.title, fromValue, toLevel, gainUnits, level: item.level });
        }
        break;
      }
    }
  }

  rows.sort((a, b) => b.gainUnits - a.gainUnits || a.indicatorNo - b.indicatorNo || a.level - b.level || a.itemId - b.itemId);
  return rows.slice(0, Math.max(0, limit)).map((r) => ({
    itemId: r.itemId, indicatorNo: r.indicatorNo, title: r.title, fromValue: r.fromValue, toLevel: r.toLevel, gainUnits: r.gainUnits,
  }));
}
