// Who was invited, by whom, and who used each link: the trail an admin reads after a link leaked.
import { listInvites } from '../../db/invites.ts';
import { formatDateTimeId } from '../../domain/dates.ts';
import { checkInvite, usesAllowed } from '../../domain/invites.ts';
import { parseOptions } from '../args.ts';
import type { CliContext } from '../io.ts';
import { UsageError } from '../io.ts';
import { renderTable } from '../table.ts';
import { requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- invites list --workspace <slug>';

const STATUS = { valid: 'aktif', expired: 'kedaluwarsa', revoked: 'dicabut', 'used-up': 'habis', unknown: '?' } as const;

export async function invitesCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'list') throw new UsageError(`perintah invites "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, { workspace: { type: 'string' } }, ['workspace'], USAGE);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const invites = await listInvites(ctx.db, workspace.id);
  if (invites.length === 0) {
    ctx.io.out(`${workspace.name} belum memiliki undangan.`);
    return;
  }
  const when = (d: Date) => formatDateTimeId(d, workspace.timeZone);
  ctx.io.out(renderTable(['#', 'Peran', 'OPD', 'Dibuat oleh', 'Dibuat', 'Berlaku sampai', 'Pakai', 'Status', 'Dipakai oleh'], invites.map((i) => [
    String(i.id), i.role, i.opd?.code ?? '', i.createdBy ? `${i.createdBy.displayName} (${i.createdBy.telegramId})` : 'CLI',
    when(i.createdAt), when(i.expiresAt), `${i.uses}/${usesAllowed(i)}`, STATUS[checkInvite(i, ctx.now)],
    i.redemptions.map((r) => `${r.person.displayName}${r.person.username ? ` @${r.person.username}` : ''} (${r.person.telegramId}, ${when(r.usedAt)})`).join('; '),
  ]), [0]));
}
