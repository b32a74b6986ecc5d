import { describe, expect, it } from 'vitest';
import { currentWorkStage } from './stages.ts';

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
