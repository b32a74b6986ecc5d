import { CLI_ACTOR } from '../../db/audit.ts';
import { changeMemberRole, findMemberOfPerson } from '../../db/member-roles.ts';
import { findOpdByCode } from '../../db/opds.ts';
import { addMember, removeMember, upsertPerson } from '../../db/people.ts';
import { listMembers } from '../../db/workspaces.ts';
import { parseRole } from '../../domain/roles.ts';
import { parseTelegramId } from '../../domain/workspace-rules.ts';
import { parseOptions } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { renderTable } from '../table.ts';
import { requirePerson, requireWorkspace } from './lookup.ts';

const USAGE = {
  list: 'npm run cli -- members list --workspace <slug>',
  remove: 'npm run cli -- members remove --workspace <slug> --user <telegram-id|@username>',
  add: 'npm run cli -- members add --workspace <slug> --user <telegram-id|@username> --role <peran> [--opd <kode>]',
  grant: 'npm run cli -- members grant --workspace <slug> --user <telegram-id|@username> --role <peran> [--opd <kode>]',
  revoke: 'npm run cli -- members revoke --workspace <slug> --user <telegram-id|@username> --role <peran>',
};

export async function membersCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'list') return listCommand(ctx, rest);
  if (sub === 'remove') return removeCommand(ctx, rest);
  if (sub === 'add') return addCommand(ctx, rest);
  if (sub === 'grant' || sub === 'revoke') return changeRoleCommand(ctx, rest, sub);
  throw new UsageError(`perintah members "${sub ?? ''}" tidak dikenal\nPemakaian: ${Object.values(USAGE).join('\n           ')}`);
}

async function listCommand(ctx: CliContext, args: string[]) {
  const o = parseOptions(args, { workspace: { type: 'string' } }, ['workspace'], USAGE.list);
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

async function removeCommand(ctx: CliContext, args: string[]) {
  const o = parseOptions(args, { workspace: { type: 'string' }, user: { type: 'string' } }, ['workspace', 'user'], USAGE.remove);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const person = await requirePerson(ctx.db, workspace.id, o.user!);
  if (!person) throw new CliError(`"${o.user}" bukan anggota ${workspace.name}.`);
  const outcome = await removeMember(ctx.db, workspace.id, person.id, CLI_ACTOR, ctx.now);
  const who = `${person.displayName} (${person.telegramId})`;
  if (outcome.kind !== 'removed') {
    throw new CliError({
      'not-member': `${who} bukan anggota ${workspace.name}.`,
      'already-removed': `${who} sudah dikeluarkan dari ${workspace.name}.`,
      'last-admin': `${who} adalah admin terakhir ${workspace.name} dan tidak dapat dikeluarkan; jadikan anggota lain admin dulu (members add … --role admin).`,
    }[outcome.kind]);
  }
  ctx.io.out([
    `${who} dikeluarkan dari ${workspace.name}: tidak lagi dapat memakai bot untuk workspace ini.`,
    `Butir terbuka yang dilepas (kini tanpa penanggung jawab): ${outcome.unassignedItemIds.length ? outcome.unassignedItemIds.map((id) => `#${id}`).join(', ') : 'tidak ada'}.`,
    `Undangan dicabut: ${outcome.revokedInviteIds.length}; isian berjalan dihapus: ${outcome.clearedFlows}; pengingat pribadi dibatalkan: ${outcome.droppedReminders}.`,
    'Bot tidak mengeluarkannya dari grup Telegram: lakukan itu di grup bila perlu.',
  ].join('\n'));
}

async function addCommand(ctx: CliContext, args: string[]) {
  const spec = { workspace: { type: 'string' }, user: { type: 'string' }, role: { type: 'string' }, opd: { type: 'string' } } as const;
  const o = parseOptions(args, spec, ['workspace', 'user', 'role'], USAGE.add);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const role = parseRole(o.role!);
  if (!role) throw new CliError(`peran "${o.role}" tidak dikenal; pilihan: admin, koordinator, pic, pimpinan.`);
  const opd = o.opd ? await findOpdByCode(ctx.db, workspace.id, o.opd) : null;
  if (o.opd && !opd) throw new CliError(`OPD "${o.opd}" tidak ada di ${workspace.name}.`);
  if (role === 'pic' && !opd) throw new CliError('peran pic perlu --opd <kode>.');
  let person = await requirePerson(ctx.db, workspace.id, o.user!);
  if (!person) {
    const telegramId = parseTelegramId(o.user!);
    if (telegramId === null) throw new CliError(`@${o.user!.replace(/^@/, '')} belum dikenal bot; sebut id Telegram-nya.`);
    // Named properly on their first message to the bot.
    person = await upsertPerson(ctx.db, { id: telegramId, displayName: `Pengguna ${telegramId}`, username: null });
  }
  const outcome = await addMember(ctx.db, workspace.id, person.id, role, opd?.id ?? null, CLI_ACTOR, ctx.now);
  const what = outcome.restored ? 'dipulihkan sebagai anggota' : outcome.isNew ? 'ditambahkan' : 'mendapat peran';
  ctx.io.out(`${person.displayName} (${person.telegramId}) ${what} ${workspace.name}: ${role}${opd ? ` ${opd.code}` : ''}.`);
}

/** The CLI side of /anggota's role buttons: the same checks, audit and replan (db/member-roles.ts). */
async function changeRoleCommand(ctx: CliContext, args: string[], sub: 'grant' | 'revoke') {
  const spec = { workspace: { type: 'string' }, user: { type: 'string' }, role: { type: 'string' }, opd: { type: 'string' } } as const;
  const o = parseOptions(args, spec, ['workspace', 'user', 'role'], USAGE[sub]);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const role = parseRole(o.role!);
  if (!role) throw new CliError(`peran "${o.role}" tidak dikenal; pilihan: admin, koordinator, pic, pimpinan.`);
  if (o.opd && (sub === 'revoke' || role !== 'pic')) throw new CliError('--opd hanya untuk members grant --role pic.');
  const opd = o.opd ? await findOpdByCode(ctx.db, workspace.id, o.opd) : null;
  if (o.opd && !opd) throw new CliError(`OPD "${o.opd}" tidak ada di ${workspace.name}.`);
  const person = await requirePerson(ctx.db, workspace.id, o.user!);
  const member = person && await findMemberOfPerson(ctx.db, workspace.id, person.id);
  if (!person || !member) throw new CliError(`"${o.user}" bukan anggota ${workspace.name}; tambahkan dengan members add.`);
  const outcome = await changeMemberRole(ctx.db, { workspaceId: workspace.id, memberId: member.id, role, on: sub === 'grant', opdId: opd?.id ?? null }, CLI_ACTOR, ctx.now);
  const who = `${person.displayName} (${person.telegramId})`;
  if (outcome.kind !== 'changed') {
    throw new CliError({
      unchanged: `${who} ${sub === 'grant' ? 'sudah' : 'tidak'} memiliki peran ${role}${opd ? ` untuk ${opd.code}` : ''}; tidak ada yang berubah.`,
      'needs-opd': 'peran pic perlu --opd <kode>.',
      'last-admin': `${who} adalah admin terakhir ${workspace.name}; jadikan anggota lain admin dulu (members grant … --role admin).`,
      'only-role': `${role} adalah satu-satunya peran ${who}; untuk mengakhiri keanggotaannya pakai members remove.`,
      'not-member': `${who} bukan anggota ${workspace.name}.`,
      'unknown-opd': `OPD "${o.opd}" tidak ada di ${workspace.name}.`,
    }[outcome.kind]);
  }
  const roles = outcome.after.roles.map((r) => r.role).sort().join(', ');
  const opds = outcome.after.opds.map((x) => x.opd.code).join(', ');
  ctx.io.out(`${who} di ${workspace.name}: kini ${roles}${opds ? ` (OPD ${opds})` : ''}.`);
}
