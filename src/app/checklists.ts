// Moving a checklist item (issue 14, item 5): the one function every transport calls to start,
// submit, accept, send back, cancel or reopen an item. It reads the item in the actor's
// workspace, checks the domain's state machine, writes the status with its audit entry and
// replan (only if nobody moved the item meanwhile), and says what happened and whom to tell; the
// chat and the dashboard only parse the request and render the outcome.
import { changeItemStatus, findItem } from '../db/checklists.ts';
import type { Db } from '../db/client.ts';
import type { ItemAction, ItemStatus } from '../domain/checklists.ts';
import { moveItem } from '../domain/checklists.ts';
import type { AppActor } from './actors.ts';
import { auditActorOf } from './actors.ts';

export interface MoveRequest {
  workspaceId: number;
  actor: AppActor;
  itemId: number;
  action: ItemAction;
  reason: string | null;
  now: Date;
}

/** Someone the bot should tell privately: an item's assignee. */
export interface NoticePerson {
  id: number;
  telegramId: bigint;
  displayName: string;
  /** null: they never opened a private chat with the bot, so it cannot write to them */
  privateChatAt: Date | null;
}

/** The assignee to tell, when someone else accepted or sent back their item. */
export interface MoveNotice {
  person: NoticePerson;
  kind: 'selesai' | 'revisi';
  reason: string | null;
}

export type MoveOutcome =
  | { ok: true; item: { id: number; title: string }; to: ItemStatus; notice: MoveNotice | null }
  /** stale: no such item in this workspace, or it was moved meanwhile; refused: the rule's reason */
  | { ok: false; problem: 'stale' }
  | { ok: false; problem: 'refused'; reason: string };

export async function moveChecklistItem(db: Db, request: MoveRequest): Promise<MoveOutcome> {
  const item = await findItem(db, request.workspaceId, request.itemId);
  if (!item) return { ok: false, problem: 'stale' };
  const result = moveItem({ status: item.status as ItemStatus, opdId: item.opdId, assigneeId: item.assignee?.id ?? null, evidenceCount: item.evidence.length },
    request.action, request.actor, request.reason);
  if (!result.ok) return { ok: false, problem: 'refused', reason: result.reason };
  const moved = await changeItemStatus(db, {
    workspaceId: request.workspaceId, itemId: item.id, from: item.status, to: result.status, reason: result.reason, at: request.now,
  }, auditActorOf(request.actor));
  if (!moved) return { ok: false, problem: 'stale' };
  const told = item.assignee && item.assignee.id !== request.actor.personId && (result.status === 'revisi' || result.status === 'selesai');
  return {
    ok: true, item: { id: item.id, title: item.title }, to: result.status,
    notice: told ? { person: item.assignee!, kind: result.status as 'selesai' | 'revisi', reason: result.reason } : null,
  };
}
