import { CLI_ACTOR } from '../../db/audit.ts';
import { listOpds } from '../../db/opds.ts';
import { listOwnerMap, setIndicatorOwners } from '../../db/owners.ts';
import { parseWholeNumber } from '../../domain/score-import.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { renderTable } from '../table.ts';
import { requireEvaluation, requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- owners list --workspace <slug> | owners set --workspace <slug> --indicator <no> --opd <kode>[,<kode>…]';

/** The editable indicator→OPD map of a workspace (written from the default map by checklist generate). */
export async function ownersCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    const o = parseOptions(rest, { workspace: { type: 'string' } }, ['workspace'], USAGE);
    const workspace = await requireWorkspace(ctx, o.workspace!);
    const rows = await listOwnerMap(ctx.db, workspace.id);
    const byNo = new Map<number, string[]>();
    for (const r of rows) byNo.set(r.indicator.no, [...(byNo.get(r.indicator.no) ?? []), r.opd.code]);
    ctx.io.out(byNo.size === 0 ? 'Peta OPD penanggung jawab belum ada; buat dengan: checklist generate.'
      : renderTable(['Indikator', 'OPD'], [...byNo].sort((a, b) => a[0] - b[0]).map(([no, codes]) => [String(no), codes.sort().join(', ')]), [0]));
    return;
  }
  if (sub !== 'set') throw new UsageError(`perintah owners "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, { workspace: { type: 'string' }, indicator: { type: 'string' }, opd: { type: 'string' }, year: { type: 'string' } },
    ['workspace', 'indicator', 'opd'], USAGE);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const { framework } = await requireEvaluation(ctx, workspace.id, parseYearOption(o.year));
  const no = parseWholeNumber(o.indicator!);
  const indicatorId = no === null ? undefined : framework.indicatorIds.get(no);
  if (indicatorId === undefined) throw new CliError(`indikator "${o.indicator}" tidak dikenal (nomor 1–${framework.def.indicators.length}).`);
  const opds = await listOpds(ctx.db, workspace.id);
  const codes = o.opd!.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
  const unknown = codes.filter((c) => !opds.some((x) => x.code === c));
  if (codes.length === 0 || unknown.length > 0) throw new CliError(`OPD tidak dikenal: ${unknown.join(', ') || '(kosong)'}; OPD yang ada: ${opds.map((x) => x.code).join(', ')}.`);
  await setIndicatorOwners(ctx.db, workspace.id, indicatorId, opds.filter((x) => codes.includes(x.code)).map((x) => x.id), CLI_ACTOR);
  ctx.io.out(`Indikator ${no} sekarang milik: ${codes.join(', ')}.`);
}
