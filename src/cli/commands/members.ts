import { listMembers } from '../../db/workspaces.ts';
import { parseOptions } from '../args.ts';
import type { CliContext } from '../io.ts';
import { UsageError } from '../io.ts';
import { renderTable } from '../table.ts';
import { requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- members list --workspace <slug>';

export async function membersCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError(`perintah members "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, { workspace: { type: 'string' } }, ['workspace'], USAGE);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const members = await listMembers(ctx.db, workspace.id);
  if (members.length === 0) {
    ctx.io.out(`${workspace.name} belum memiliki anggota.`);
    return;
  }
  ctx.io.out(renderTable(['Telegram', 'Nama', 'Peran', 'OPD'], members.map((m) => [
    String(m.person.telegramId), m.person.displayName,
    m.roles.map((r) => r.role).sort().join(', '), m.opds.map((o) => o.opd.code).join(', '),
  ])));
}
