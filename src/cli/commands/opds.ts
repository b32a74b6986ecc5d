import { CLI_ACTOR } from '../../db/audit.ts';
import { createOpd, listOpds, OpdExistsError } from '../../db/opds.ts';
import { parseOptions } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { renderTable } from '../table.ts';
import { requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- opd add --workspace <slug> --code <kode> --name "<nama>" | opd list --workspace <slug>';
const CODE = /^[a-z0-9][a-z0-9-]{0,30}$/;

export async function opdCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const o = parseOptions(rest, { workspace: { type: 'string' } }, ['workspace'], USAGE);
    const workspace = await requireWorkspace(ctx, o.workspace!);
    const opds = await listOpds(ctx.db, workspace.id);
    ctx.io.out(opds.length === 0 ? `${workspace.name} belum memiliki OPD.` : renderTable(['Kode', 'Nama'], opds.map((x) => [x.code, x.name])));
    return;
  }
  if (sub !== 'add') throw new UsageError(`perintah opd "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, { workspace: { type: 'string' }, code: { type: 'string' }, name: { type: 'string' } }, ['workspace', 'code', 'name'], USAGE);
  const code = o.code!.trim().toLowerCase();
  if (!CODE.test(code)) throw new CliError(`kode OPD "${o.code}" tidak sah: huruf kecil, angka dan tanda minus (mis. bappeda, biro-hukum).`);
  const name = o.name!.trim();
  if (!name || name.length > 120) throw new CliError('nama OPD wajib diisi, paling banyak 120 karakter.');
  const workspace = await requireWorkspace(ctx, o.workspace!);
  try {
    await createOpd(ctx.db, workspace.id, code, name, CLI_ACTOR);
  } catch (error) {
    if (error instanceof OpdExistsError) throw new CliError(error.message);
    throw error;
  }
  ctx.io.out(`OPD ${code} (${name}) ditambahkan ke ${workspace.name}.`);
}
