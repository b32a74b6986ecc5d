// Assigning a new checklist item (issue 14, item 5): the last step of /tugaskan and
// `checklist assign` call this. Everything the request names is looked up again in the actor's
// workspace (the evaluation, the OPD, the indicator in that evaluation's framework), the assignee
// must be a PIC of that OPD now (a role may have been taken away since the buttons were drawn),
// and the due date must fall within the evaluation's year and the next, as a stage's must. The
// item is written with its audit entry and replan (db/checklists.ts createItem); the outcome says
// whom to tell: the assignee, unless they assigned it to themselves.
import { createItem, findAssignTarget, listPicsOfOpd } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import { effectiveDueDate, TITLE_LENGTH } from '../domain/checklists.ts';
import type { DateRange } from '../domain/dates.ts';
import { evaluationDateRange, isDateInRange, parseIsoDate } from '../domain/dates.ts';
import type { Stage } from '../domain/stages.ts';
import type { AppActor } from './actors.ts';
import { auditActorOf, isKoordinator, KOORDINATOR_ONLY } from './actors.ts';
import type { NoticePerson } from './checklists.ts';

export interface AssignRequest {
  workspaceId: number;
  actor: AppActor;
  evaluationId: number;
  opdId: number;
  indicatorId: number | null;
  /** the stage whose deadline the item falls back on without its own (the chat uses dokumen) */
  stage: Stage | null;
  title: string;
  /** 'YYYY-MM-DD', or null for the stage's deadline */
  dueDate: string | null;
  /** a PIC of the OPD, or null for nobody */
  assigneeId: number | null;
  now: Date;
}

export type AssignOutcome =
  | {
    ok: true;
    item: { id: number; title: string };
    opd: { id: number; code: string; name: string };
    assignee: NoticePerson | null;
    /** the item's own due date, else its stage's ('YYYY-MM-DD') */
    due: string | null;
    /** the assignee to tell, unless they assigned it to themselves */
    notice: { person: NoticePerson } | null;
  }
  /** the evaluation, OPD or indicator is not (or no longer) this workspace's */
  | { ok: false; problem: 'stale' }
  | { ok: false; problem: 'not-pic' }
  | { ok: false; problem: 'title' }
  | { ok: false; problem: 'malformed-due' }
  | { ok: false; problem: 'due-out-of-range'; year: number; range: DateRange }
  | { ok: false; problem: 'refused'; reason: string };

export async function assignNewItem(db: Db, request: AssignRequest): Promise<AssignOutcome> {
  if (!isKoordinator(request.actor)) return { ok: false, problem: 'refused', reason: KOORDINATOR_ONLY };
  const title = request.title.trim();
  if (title.length < TITLE_LENGTH.min || title.length > TITLE_LENGTH.max) return { ok: false, problem: 'title' };
  const due = request.dueDate === null ? null : parseIsoDate(request.dueDate);
  if (request.dueDate !== null && !due) return { ok: false, problem: 'malformed-due' };
  const [target, pics] = await Promise.all([
    findAssignTarget(db, request.workspaceId, request),
    request.assigneeId === null ? [] : listPicsOfOpd(db, request.workspaceId, request.opdId),
  ]);
  const { evaluation, opd, indicator } = target;
  if (!evaluation || !opd || (request.indicatorId !== null && !indicator)) return { ok: false, problem: 'stale' };
  const assignee = request.assigneeId === null ? null : pics.find((p) => p.id === request.assigneeId);
  if (assignee === undefined) return { ok: false, problem: 'not-pic' };
  const range = evaluationDateRange(evaluation.year);
  if (due && !isDateInRange(due, range)) return { ok: false, problem: 'due-out-of-range', year: evaluation.year, range };

  const item = await createItem(db, {
    workspaceId: request.workspaceId, evaluationId: evaluation.id, opdId: opd.id, indicatorId: request.indicatorId, stage: request.stage,
    level: null, title, description: null, dueDate: request.dueDate, assigneeId: assignee?.id ?? null,
  }, auditActorOf(request.actor), request.now);
  const told = assignee && assignee.id !== request.actor.personId ? { person: assignee } : null;
  return {
    ok: true, item: { id: item.id, title: item.title }, opd, assignee,
    due: effectiveDueDate(request.dueDate, target.stageDue), notice: told,
  };
}
