import { writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { CLI_ACTOR } from '../../db/audit.ts';
import { ChecklistSeedError, FALLBACK_OPD } from '../../db/checklist-seeding.ts';
import {
  applyChecklistImport, carryOverChecklist, ChecklistImportError, exportChecklist, generateChecklistItems,
  checkChecklistTableFor, planChecklistImport,
} from '../../db/checklist-transfer.ts';
import { listOpds } from '../../db/opds.ts';
import { writeChecklistCsv, writeChecklistXlsx } from '../../files/checklist-workbook.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { readTableOption } from '../table-file.ts';
import { CliError, UsageError } from '../io.ts';
import { ACTION_USAGE, checklistAssign, checklistMove } from './checklist-actions.ts';
import { requireEvaluation, requireWorkspace } from './lookup.ts';

const USAGE = {
  export: 'npm run cli -- checklist export --workspace <slug> --file <ceklis.xlsx|ceklis.csv> [--year <tahun>]',
  import: 'npm run cli -- checklist import --workspace <slug> --file <ceklis.xlsx|ceklis.csv> [--year <tahun>] [--dry-run]',
  generate: 'npm run cli -- checklist generate --workspace <slug> [--year <tahun>] [--owners <peta.json>]',
  'carry-over': 'npm run cli -- checklist carry-over --workspace <slug> --from <tahun> [--year <tahun>]',
  ...ACTION_USAGE,
};
type Sub = keyof typeof USAGE;

const SUBCOMMANDS: Record<Sub, (ctx: CliContext, args: string[]) => Promise<void>> = {
  export: checklistExport,
  import: checklistImport,
  generate: checklistGenerate,
  'carry-over': checklistCarryOver,
  assign: checklistAssign,
  move: checklistMove,
};

export async function checklistCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const run = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub as Sub] : undefined;
  if (!run) throw new UsageError(`perintah checklist "${sub ?? ''}" tidak dikenal\nPemakaian: ${Object.values(USAGE).join('\n           ')}`);
  try {
    await run(ctx, rest);
  } catch (error) {
    // expected refusals of the db layer: stderr, exit 1, nothing written
    if (error instanceof ChecklistImportError || error instanceof ChecklistSeedError) throw new CliError(error.message);
    throw error;
  }
}

/** The workspace and evaluation named by --workspace and --year (latest evaluation without it). */
async function target(ctx: CliContext, slug: string, yearText: string | undefined) {
  const year = parseYearOption(yearText);
  const workspace = await requireWorkspace(ctx, slug);
  const { evaluation, framework } = await requireEvaluation(ctx, workspace.id, year);
  return { workspace, evaluation, framework, where: `${workspace.slug} ${evaluation.year}` };
}

function fileKind(name: string): 'xlsx' | 'csv' {
  const lower = name.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  throw new CliError(`jenis berkas "${name}" tidak didukung; gunakan .xlsx atau .csv.`);
}

async function checklistExport(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' }, file: { type: 'string' }, year: { type: 'string' } },
    ['workspace', 'file'], USAGE.export);
  const kind = fileKind(o.file!);
  const { workspace, evaluation, framework, where } = await target(ctx, o.workspace!, o.year);
  const rows = await exportChecklist(ctx.db, workspace.id, evaluation.id);
  const data = kind === 'xlsx'
    ? await writeChecklistXlsx(rows, {
      workspaceName: workspace.name, year: evaluation.year, frameworkName: framework.def.name,
      timeZone: workspace.timeZone, exportedAt: ctx.now,
    })
    : Buffer.from(writeChecklistCsv(rows, workspace.timeZone), 'utf8');
  try {
    await writeFile(resolve(ctx.cwd, o.file!), data);
  } catch {
    throw new CliError(`berkas "${o.file}" tidak dapat ditulis.`);
  }
  ctx.io.out(`${rows.length} butir ceklis ${where} diekspor ke ${o.file}.`);
}

async function checklistImport(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, file: { type: 'string' }, year: { type: 'string' }, 'dry-run': { type: 'boolean' },
  }, ['workspace', 'file'], USAGE.import);
  const { workspace, evaluation, framework, where } = await target(ctx, o.workspace!, o.year);
  const table = await readTableOption(ctx, o.file!);
  const checked = await checkChecklistTableFor(ctx.db, workspace.id,
    { year: evaluation.year, indicatorNos: framework.def.indicators.map((i) => i.no) }, table);
  if (!checked.ok) throw new ChecklistImportError(checked.errors);
  const input = { workspaceId: workspace.id, evaluationId: evaluation.id, rows: checked.rows };
  if (o['dry-run']) {
    const plan = await planChecklistImport(ctx.db, input);
    if (plan.errors.length > 0) throw new ChecklistImportError(plan.errors);
    ctx.io.out([
      `Uji coba untuk ${where} (tidak ada yang disimpan): ${checked.rows.length} baris sah; ` +
        `${plan.creates.length} baru, ${plan.updates.length} berubah, ${plan.unchanged} sama.`,
      ...plan.creates.map(({ row }) => `Baris ${row.rowNo}: baru — ${row.opdCode}${row.indicatorNo == null ? '' : `, indikator ${row.indicatorNo}`}: ${row.title}`),
      ...plan.updates.map((u) => `Baris ${u.row.rowNo}: ubah id ${u.id} — ${u.fields.join(', ')}`),
    ].join('\n'));
    return;
  }
  const done = await applyChecklistImport(ctx.db, input, CLI_ACTOR, ctx.now);
  ctx.io.out(`Ceklis diimpor untuk ${where}: ${done.created} baru, ${done.updated} berubah, ${done.unchanged} sama.`);
}

async function checklistGenerate(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' }, year: { type: 'string' }, owners: { type: 'string' } },
    ['workspace'], USAGE.generate);
  const { workspace, evaluation, framework, where } = await target(ctx, o.workspace!, o.year);
  if ((await listOpds(ctx.db, workspace.id)).length === 0) {
    throw new CliError(`${workspace.name} belum memiliki OPD; tambahkan dulu dengan: npm run cli -- opd add …`);
  }
  const done = await generateChecklistItems(ctx.db, {
    workspaceId: workspace.id, evaluationId: evaluation.id, actor: CLI_ACTOR, now: ctx.now,
    ...(o.owners === undefined ? {} : { ownershipFile: resolve(ctx.cwd, o.owners) }),
  });
  const source = {
    file: `Pemilik indikator dari ${basename(done.file ?? '')}` +
      (done.ownersWritten > 0 ? `; ${done.ownersWritten} pasangan indikator–OPD disimpan sebagai peta pemilik workspace.` : '.'),
    workspace: 'Pemilik indikator dari peta pemilik workspace.',
    none: `Tidak ada peta pemilik untuk ${framework.def.code}: indikator diberikan ke ${FALLBACK_OPD}.`,
  }[done.ownerSource];
  ctx.io.out([
    `Ceklis ${where} (${framework.def.name}): ${done.created} butir dibuat, ${done.existing} sudah ada.`,
    source,
    ...(done.unassigned.length > 0
      ? [`Indikator tanpa OPD (tambahkan OPD ${FALLBACK_OPD} atau peta pemilik): ${done.unassigned.join(', ')}.`]
      : []),
  ].join('\n'));
}

async function checklistCarryOver(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' }, from: { type: 'string' }, year: { type: 'string' } },
    ['workspace', 'from'], USAGE['carry-over']);
  const fromYear = parseYearOption(o.from)!;
  const { workspace, evaluation, where } = await target(ctx, o.workspace!, o.year);
  const done = await carryOverChecklist(ctx.db, { workspaceId: workspace.id, fromYear, toEvaluationId: evaluation.id, actor: CLI_ACTOR, now: ctx.now });
  const skipped = [
    ...(done.alreadyCarried > 0 ? [`${done.alreadyCarried} sudah dibawa sebelumnya`] : []),
    ...(done.alreadyPresent > 0 ? [`${done.alreadyPresent} sudah ada di ${evaluation.year}`] : []),
  ];
  ctx.io.out([
    `${done.created} butir terbuka dari ${fromYear} dibawa ke ${where} sebagai "belum"` +
      (skipped.length > 0 ? `; ${skipped.join(', ')}.` : '.'),
    ...(done.indicatorDropped > 0 ? [`${done.indicatorDropped} butir tanpa indikator karena kerangka ${evaluation.year} berbeda.`] : []),
  ].join('\n'));
}
