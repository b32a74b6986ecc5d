// The koordinator's verification queue on the dashboard (issue 14): every submitted item across
// the OPDs, oldest submission first, with what the check needs (OPD, assignee, evidence). Accepting
// and sending back go through moveChecklistItem, as in chat.
import { listSubmittedItems } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import { findEvaluation } from '../db/evaluations.ts';
import { formatDateTimeId } from '../domain/dates.ts';
import type { DashboardViewer } from './dashboard.ts';
import type { OpdItem } from './dashboard-opd.ts';
import { evidenceView } from './dashboard-opd.ts';

export interface QueueItem {
  id: number;
  title: string;
  opd: string;
  assignee: string | null;
  indicator: number | null;
  level: number | null;
  /** when it was submitted, as people read it (in the workspace's zone) */
  submitted: string;
  evidence: OpdItem['evidence'];
}

export function canVerify(viewer: DashboardViewer): boolean {
  return viewer.roles.includes('koordinator');
}

export async function verificationQueue(db: Db, viewer: DashboardViewer): Promise<QueueItem[] | null> {
  if (!canVerify(viewer)) return null;
  const evaluation = await findEvaluation(db, viewer.workspace.id);
  if (!evaluation) return [];
  const items = await listSubmittedItems(db, viewer.workspace.id, evaluation.id);
  return items.map((item) => ({
    id: item.id, title: item.title, opd: item.opd.name, assignee: item.assignee?.displayName ?? null,
    indicator: item.indicator?.no ?? null, level: item.level,
    submitted: formatDateTimeId(item.statusAt, viewer.workspace.timeZone),
    evidence: item.evidence.map(evidenceView),
  }));
}
