// The dashboard's OPD page (issue 14): one OPD's items with status, assignee, deadline, level and
// evidence, scoped as /ceklis: a koordinator or pimpinan any OPD of the workspace, a PIC their own.
// A Telegram file is named, never linked: its address would carry the bot token.
import { findEvidenceInWorkspace, listOpdItemsWithEvidence } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import { findEvaluation } from '../db/evaluations.ts';
import { findOpdsByIds } from '../db/opds.ts';
import { listStages } from '../db/stages.ts';
import type { ItemAction, ItemStatus } from '../domain/checklists.ts';
import { ACTION_LABELS, allowedActions, byDueDate, canAttachEvidence, effectiveDueDate, OPEN_STATUSES, reasonRequired, STATUS_LABELS } from '../domain/checklists.ts';
import { formatDateId, formatIsoDate, parseIsoDate, toLocalDate } from '../domain/dates.ts';
import type { Stage } from '../domain/stages.ts';
import { STAGE_LABELS } from '../domain/stages.ts';
import type { DashboardViewer } from './dashboard.ts';
import { seesAllOpds } from './dashboard.ts';

export interface OpdItem {
  id: number;
  title: string;
  status: ItemStatus;
  statusLabel: string;
  assignee: string | null;
  due: { iso: string; text: string } | null;
  overdue: boolean;
  indicator: number | null;
  level: number | null;
  stage: string | null;
  /** what this viewer may do with it, as the chat's item buttons offer it; `reason`: asks for one */
  actions: { action: ItemAction; label: string; reason: boolean }[];
  /** may this viewer attach a link to it (the chat's evidence rule) */
  canAddEvidence: boolean;
  /** id: to ask for a Telegram file in one's own chat (`sendable`) */
  evidence: { id: number; kind: string; name: string; link: string | null; sendable: boolean }[];
}

/** Evidence as the page shows it: only a web link is a link; a Telegram file is named, its id never leaves the server. */
export function evidenceView(e: { id: number; kind: string; fileName: string | null; url: string | null; telegramFileId: string | null }): OpdItem['evidence'][number] {
  return {
    id: e.id, kind: e.kind, name: e.fileName ?? e.url ?? e.kind,
    link: e.kind === 'link' && e.url && /^https?:\/\//.test(e.url) ? e.url : null,
    sendable: (e.kind === 'document' || e.kind === 'photo') && e.telegramFileId !== null,
  };
}

/** May this viewer see items of this OPD (as the OPD page decides)? */
export function seesOpd(viewer: DashboardViewer, opdId: number): boolean {
  return seesAllOpds(viewer.roles) || viewer.opdIds.includes(opdId);
}

export type EvidenceFile = { ok: true; kind: 'document' | 'photo'; fileId: string; caption: string } | { ok: false };

/** A Telegram file of an item this viewer may see, to be sent to their own private chat. */
export async function evidenceFileFor(db: Db, viewer: DashboardViewer, evidenceId: number): Promise<EvidenceFile> {
  const evidence = await findEvidenceInWorkspace(db, viewer.workspace.id, evidenceId);
  if (!evidence || !seesOpd(viewer, evidence.item.opdId) || !evidence.telegramFileId || (evidence.kind !== 'document' && evidence.kind !== 'photo')) return { ok: false };
  return { ok: true, kind: evidence.kind, fileId: evidence.telegramFileId, caption: `Bukti dukung item #${evidence.item.id} ${evidence.item.title}` };
}

export type OpdPage = { ok: true; opd: { id: number; code: string; name: string }; items: OpdItem[] } | { ok: false };

export async function dashboardOpdPage(db: Db, viewer: DashboardViewer, opdId: number, now: Date): Promise<OpdPage> {
  // An OPD of another workspace, or one a PIC does not own, is not found: no hint it exists.
  if (!seesOpd(viewer, opdId)) return { ok: false };
  const [opd] = await findOpdsByIds(db, viewer.workspace.id, [opdId]);
  const evaluation = await findEvaluation(db, viewer.workspace.id);
  if (!opd || !evaluation) return { ok: false };
  const [items, stages] = await Promise.all([
    listOpdItemsWithEvidence(db, viewer.workspace.id, evaluation.id, opd.id), listStages(db, evaluation.id),
  ]);
  const stageDue = new Map(stages.map((s) => [s.kind, s.dueDate]));
  const today = formatIsoDate(toLocalDate(now, viewer.workspace.timeZone));
  const actor = { personId: viewer.personId, roles: viewer.roles, opdIds: viewer.opdIds };
  return {
    ok: true,
    opd: { id: opd.id, code: opd.code, name: opd.name },
    items: items
      .map((item) => ({ item, id: item.id, due: effectiveDueDate(item.dueDate, item.stage ? stageDue.get(item.stage) ?? null : null) }))
      .sort(byDueDate)
      .map(({ item, due }) => {
        const status = item.status as ItemStatus;
        const state = { status, opdId: item.opdId, assigneeId: item.assignee?.id ?? null, evidenceCount: item.evidence.length };
        // As in chat: submitting needs evidence first (attached in chat), so it is offered only with some.
        const actions = allowedActions(state, actor)
          .filter((a) => a !== 'ajukan' || state.evidenceCount > 0)
          .map((action) => ({ action, label: ACTION_LABELS[action], reason: reasonRequired(action, status) }));
        return {
          actions, canAddEvidence: canAttachEvidence(state, actor),
          id: item.id, title: item.title, status, statusLabel: STATUS_LABELS[status],
          assignee: item.assignee?.displayName ?? null,
          due: due ? { iso: due, text: formatDateId(parseIsoDate(due)!) } : null,
          overdue: due !== null && due < today && OPEN_STATUSES.includes(status),
          indicator: item.indicator?.no ?? null, level: item.level,
          stage: item.stage ? STAGE_LABELS[item.stage as Stage] ?? item.stage : null,
          evidence: item.evidence.map(evidenceView),
        };
      }),
  };
}
