// Replanning a workspace's reminders: the pending ReminderDelivery rows are made to match what
// the domain planner says now. Called inside the transaction of every change that moves a
// reminder (a deadline, an item, a chat's settings), so the change and its reminders commit together.
import type { Prisma } from '../generated/prisma/client.ts';

export interface ReplanSummary {
  created: number;
  updated: number;
  removed: number;
}

/** Makes the workspace's pending reminders match the plan of `now`. Run it inside the change's transaction. */
export async function replanWorkspace(tx: Prisma.TransactionClient, workspaceId: number, now: Date): Promise<ReplanSummary> {
  void tx; void workspaceId; void now;
  return { created: 0, updated: 0, removed: 0 }; // filled in by the planner commit
}
