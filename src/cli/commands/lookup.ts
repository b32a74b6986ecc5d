import { EvaluationNotFoundError, loadEvaluationContext } from '../../db/evaluations.ts';
import type { Db } from '../../db/client.ts';
import { findPersonByHandle } from '../../db/people.ts';
import { findWorkspaceBySlug } from '../../db/workspaces.ts';
import type { CliContext } from '../io.ts';
import { CliError } from '../io.ts';

export async function requireWorkspace(ctx: CliContext, slug: string) {
  const workspace = await findWorkspaceBySlug(ctx.db, slug.trim().toLowerCase());
  if (!workspace) throw new CliError(`workspace "${slug}" tidak ditemukan; buat dulu dengan: npm run cli -- workspace create …`);
  return workspace;
}

export async function requireEvaluation(ctx: CliContext, workspaceId: number, year: number | undefined) {
  try {
    return await loadEvaluationContext(ctx.db, workspaceId, year);
  } catch (error) {
    if (error instanceof EvaluationNotFoundError) throw new CliError(error.message);
    throw error;
  }
}

/** The person a --user or --pic names (a Telegram id, or the @username of a member); null when unknown. */
export async function requirePerson(db: Db, workspaceId: number, handle: string) {
  const found = await findPersonByHandle(db, workspaceId, handle);
  if (found.kind === 'ambiguous') {
    throw new CliError(`@${handle.replace(/^@/, '')} dipakai ${found.people.length} orang; sebut id Telegram-nya: ${found.people.map((p) => String(p.telegramId)).join(', ')}.`);
  }
  return found.person;
}
