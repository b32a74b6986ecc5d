import { describe, expect, it } from 'vitest';
import { currentWorkStage, stagesOutOfOrder } from './stages.ts';

describe('the stage new work belongs to', () => {
  const stages = [
    { kind: 'mandiri', dueDate: '2026-08-31' }, { kind: 'dokumen', dueDate: '2026-11-30' },
    { kind: 'interviu', dueDate: '2026-12-09' }, { kind: 'visitasi', dueDate: null }, { kind: 'final', dueDate: '2027-01-15' },
  ];

  it('is the first whose deadline is today or later', () => {
    expect(currentWorkStage(stages, '2026-08-01')).toBe('mandiri');
    expect(currentWorkStage(stages, '2026-08-31')).toBe('mandiri');
    expect(currentWorkStage(stages, '2026-09-01')).toBe('dokumen');
    expect(currentWorkStage(stages, '2026-12-04')).toBe('interviu');
    expect(currentWorkStage(stages, '2026-12-09')).toBe('interviu');
  });

  it('is the document stage when none of the team\'s stages is ahead or dated (the final result is not theirs)', () => {
    expect(currentWorkStage(stages, '2026-12-10')).toBe('dokumen');
    expect(currentWorkStage([], '2026-12-10')).toBe('dokumen');
    expect(currentWorkStage([{ kind: 'mandiri', dueDate: null }], '2026-01-01')).toBe('dokumen');
  });
});

describe('stage dates out of order', () => {
  const at = (dates: Record<string, string | null>) => Object.entries(dates).map(([kind, dueDate]) => ({ kind, dueDate }));

  it('names the earlier stages due after the one just dated, and the later ones due before it', () => {
    const stages = at({ mandiri: '2026-12-20', dokumen: '2026-11-30', interviu: '2026-12-12', visitasi: null, final: '2026-12-05' });
    expect(stagesOutOfOrder(stages, 'mandiri')).toEqual([{ kind: 'dokumen', dueDate: '2026-11-30' }, { kind: 'interviu', dueDate: '2026-12-12' }, { kind: 'final', dueDate: '2026-12-05' }]);
    expect(stagesOutOfOrder(stages, 'final')).toEqual([{ kind: 'mandiri', dueDate: '2026-12-20' }, { kind: 'interviu', dueDate: '2026-12-12' }]);
  });

  it('is empty for dates in order, the same day, an undated stage or one not yet dated', () => {
    const stages = at({ mandiri: '2026-08-31', dokumen: '2026-11-30', interviu: '2026-11-30', visitasi: null, final: '2027-01-15' });
    for (const kind of ['mandiri', 'dokumen', 'interviu', 'visitasi', 'final'] as const) expect(stagesOutOfOrder(stages, kind)).toEqual([]);
  });
});
