// The evaluation stages (tahapan). Order and carry-over follow the evaluation guideline: the
// document assessors re-score every indicator; at the interview (and the optional visit, and
// the final result) an indicator not discussed keeps its previous external score.

export const STAGES = ['mandiri', 'dokumen', 'interviu', 'visitasi', 'final'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  mandiri: 'Penilaian Mandiri',
  dokumen: 'Penilaian Dokumen',
  interviu: 'Penilaian Interviu',
  visitasi: 'Visitasi',
  final: 'Hasil Akhir',
};

const ALIASES: Record<string, Stage> = {
  mandiri: 'mandiri', 'penilaian-mandiri': 'mandiri', pm: 'mandiri', self: 'mandiri',
  dokumen: 'dokumen', 'penilaian-dokumen': 'dokumen', dok: 'dokumen', doc: 'dokumen',
  interviu: 'interviu', interview: 'interviu', wawancara: 'interviu', 'penilaian-interviu': 'interviu',
  visitasi: 'visitasi', visit: 'visitasi', kunjungan: 'visitasi',
  final: 'final', akhir: 'final', 'hasil-akhir': 'final', hasil: 'final', pelaporan: 'final',
};

/** The stages a team's work can be due for (the final result is the ministry's). */
const WORK_STAGES: readonly Stage[] = ['mandiri', 'dokumen', 'interviu', 'visitasi'];

/**
 * The stage a new item belongs to: the first whose deadline is today or later, so that an item is
 * not overdue the moment it is made; the document stage when none is ahead or none is dated.
 */
export function currentWorkStage(stages: readonly { kind: string; dueDate: string | null }[], today: string): Stage {
  const due = new Map(stages.map((s) => [s.kind, s.dueDate]));
  return WORK_STAGES.find((kind) => { const d = due.get(kind); return d != null && d >= today; }) ?? 'dokumen';
}

/**
 * The dated stages whose order `stage` (just dated) breaks: an earlier stage due after it, or a
 * later one due before it. A warning, not a refusal: the team may be fixing the other date next.
 */
export function stagesOutOfOrder(stages: readonly { kind: string; dueDate: string | null }[], stage: Stage): { kind: Stage; dueDate: string }[] {
  const own = stages.find((s) => s.kind === stage)?.dueDate;
  if (!own) return [];
  const at = STAGES.indexOf(stage);
  return STAGES.flatMap((kind, i) => {
    const due = stages.find((s) => s.kind === kind)?.dueDate;
    if (!due || i === at) return [];
    return (i < at && due > own) || (i > at && due < own) ? [{ kind, dueDate: due }] : [];
  });
}

/** Accepts what people type: any case, "Penilaian Dokumen", "wawancara", "akhir". */
export function parseStage(input: string): Stage | null {
  const key = input.trim().toLowerCase().replace(/[\s_]+/g, '-');
  return ALIASES[key] ?? null;
}

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** Self-assessment never carries into the assessors' stages; later external stages do. */
function carriesFrom(stage: Stage): Stage | null {
  switch (stage) {
    case 'interviu': return 'dokumen';
    case 'visitasi': return 'interviu';
    case 'final': return 'visitasi';
    default: return null;
  }
}

/** IndicatorValues recorded per stage: stage → (indicator number → level). */
export type StageValues = ReadonlyMap<Stage, ReadonlyMap<number, number>>;

/** The values in force at `stage`: its own scores over those carried from earlier stages. */
export function effectiveValues(recorded: StageValues, stage: Stage): Map<number, number> {
  const previous = carriesFrom(stage);
  const base = previous ? effectiveValues(recorded, previous) : new Map<number, number>();
  for (const [no, level] of recorded.get(stage) ?? []) base.set(no, level);
  return base;
}

/** The latest stage with any recorded score, or null when nothing has been scored. */
export function latestScoredStage(recorded: StageValues): Stage | null {
  for (const stage of [...STAGES].reverse()) {
    if ((recorded.get(stage)?.size ?? 0) > 0) return stage;
  }
  return null;
}
