// Setting a stage's deadline (issue 14, item 5): /jadwal and `stages set` call this. The date
// must fall within the evaluation's year and the next (a year typed wrong would mislead every
// reminder); the write is audited with the value it replaced and the reminders are replanned in
// the same transaction (db/stages.ts). Nobody is told at once: the replanned reminders tell them.
import type { Db } from '../db/client.ts';
import { findEvaluation } from '../db/evaluations.ts';
import { listStages, setStageDate } from '../db/stages.ts';
import type { DateRange } from '../domain/dates.ts';
import { evaluationDateRange, isDateInRange, isValidTime, parseIsoDate } from '../domain/dates.ts';
import type { Stage } from '../domain/stages.ts';
import { stagesOutOfOrder } from '../domain/stages.ts';
import type { AppActor } from './actors.ts';
import { auditActorOf, isKoordinator, KOORDINATOR_ONLY } from './actors.ts';

export interface ScheduleRequest {
  workspaceId: number;
  actor: AppActor;
  stage: Stage;
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM', the event's hour (the interview's), or null */
  time: string | null;
  /** the evaluation's year; without it the workspace's latest */
  year?: number;
  now: Date;
}

export type ScheduleOutcome =
  /** outOfOrder: the other stages whose order this date breaks (told as a warning) */
  | { ok: true; stage: Stage; date: string; time: string | null; year: number; outOfOrder: { kind: Stage; dueDate: string }[] }
  /** reason: the sentence db/evaluations.ts says it with */
  | { ok: false; problem: 'no-evaluation'; reason: string }
  | { ok: false; problem: 'out-of-range'; year: number; range: DateRange }
  /** a date or time not in the storage form: only a request made by hand, every transport parses first */
  | { ok: false; problem: 'malformed' }
  | { ok: false; problem: 'refused'; reason: string };

function isStoredTime(text: string): boolean {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  return m !== null && isValidTime({ hour: Number(m[1]), minute: Number(m[2]) });
}

export async function scheduleStage(db: Db, request: ScheduleRequest): Promise<ScheduleOutcome> {
  if (!isKoordinator(request.actor)) return { ok: false, problem: 'refused', reason: KOORDINATOR_ONLY };
  const date = parseIsoDate(request.date);
  if (!date || (request.time !== null && !isStoredTime(request.time))) return { ok: false, problem: 'malformed' };
  const evaluation = await findEvaluation(db, request.workspaceId, request.year);
  if (!evaluation) {
    const reason = request.year === undefined ? 'Workspace ini belum memiliki evaluasi.' : `Tidak ada evaluasi tahun ${request.year}.`;
    return { ok: false, problem: 'no-evaluation', reason };
  }
  const range = evaluationDateRange(evaluation.year);
  if (!isDateInRange(date, range)) return { ok: false, problem: 'out-of-range', year: evaluation.year, range };
  await setStageDate(db, {
    evaluationId: evaluation.id, workspaceId: request.workspaceId, stage: request.stage, dueDate: request.date, dueTime: request.time,
  }, auditActorOf(request.actor), request.now);
  const outOfOrder = stagesOutOfOrder(await listStages(db, evaluation.id), request.stage);
  return { ok: true, stage: request.stage, date: request.date, time: request.time, year: evaluation.year, outOfOrder };
}
