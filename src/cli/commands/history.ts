import type { PastResultInput, Place } from '../../domain/history-import.ts';
import { checkHistoryTable, checkPastResult, formatPastIndex, splitDomainList } from '../../domain/history-import.ts';
import { predicateOf } from '../../domain/index-calculation.ts';
import { bandsOfYear } from '../../domain/report.ts';
import { CLI_ACTOR } from '../../db/audit.ts';
import type { PastResultSummary } from '../../db/history.ts';
import { listFrameworkDefs } from '../../db/frameworks.ts';
import { deletePastResult, listPastResults, planPastResults, savePastResults } from '../../db/history.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { readTableOption } from '../table-file.ts';
import { renderTable } from '../table.ts';
import { requireWorkspace } from './lookup.ts';

const USAGE = {
  add: 'npm run cli -- history add --workspace <slug> --year <tahun> --index <2,90> [--predicate Baik] [--domains 3,00/2,60/2,00/3,37] [--framework spbe-2020] [--source "LHE KemenPANRB"]',
  import: 'npm run cli -- history import --workspace <slug> --file <riwayat.csv|riwayat.xlsx> [--dry-run]',
  list: 'npm run cli -- history list --workspace <slug>',
  remove: 'npm run cli -- history remove --workspace <slug> --year <tahun>',
};
type Sub = keyof typeof USAGE;

const SUBCOMMANDS: Record<Sub, (ctx: CliContext, args: string[]) => Promise<void>> = {
  add: historyAdd,
  import: historyImport,
  list: historyList,
  remove: historyRemove,
};

/** `history add|import|list|remove`: the official results of past years, for the report's trend. */
export async function historyCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  const run = sub !== undefined && Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub as Sub] : undefined;
  if (!run) throw new UsageError(`perintah history "${sub ?? ''}" tidak dikenal\nPemakaian: ${Object.values(USAGE).join('\n           ')}`);
  await run(ctx, rest);
}

const OPTION_OF: Record<string, string> = { tahun: 'year', indeks: 'index', predikat: 'predicate', kerangka: 'framework', sumber: 'source' };
const optionPlace: Place = (field) => field.startsWith('domain_')
  ? `opsi --domains (domain ${field.slice('domain_'.length)})`
  : `opsi --${OPTION_OF[field] ?? field}`;

function describeSaved(done: PastResultSummary): string {
  return `${done.created.length} baru, ${done.updated.length} berubah, ${done.unchanged.length} sama`;
}

const warningLines = (warnings: string[]) => warnings.map((w) => `Peringatan: ${w}`);

async function historyAdd(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, year: { type: 'string' }, index: { type: 'string' }, predicate: { type: 'string' },
    domains: { type: 'string' }, framework: { type: 'string' }, source: { type: 'string' },
  }, ['workspace', 'year', 'index'], USAGE.add);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const checked = checkPastResult({
    year: o.year!.trim(), index: o.index!.trim(), predicate: o.predicate?.trim() ?? '', framework: o.framework?.trim() ?? '',
    source: o.source?.trim() ?? '', domains: splitDomainList(o.domains ?? ''),
  }, await listFrameworkDefs(ctx.db), optionPlace);
  if (!checked.result) throw new CliError(`tidak ada yang disimpan:\n${checked.errors.join('\n')}`);
  const done = await savePastResults(ctx.db, workspace.id, [checked.result], CLI_ACTOR);
  const verb = done.created.length > 0 ? 'disimpan' : done.updated.length > 0 ? 'diperbarui' : 'tidak berubah (sudah sama)';
  ctx.io.out([`Riwayat ${workspace.name} ${checked.result.year} ${verb}: ${describeResult(checked.result)}.`, ...warningLines(checked.warnings)].join('\n'));
}

async function historyImport(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    ['workspace', 'file'], USAGE.import);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const table = await readTableOption(ctx, o.file!);
  const checked = checkHistoryTable(table, await listFrameworkDefs(ctx.db));
  if (!checked.ok) {
    throw new CliError(`Impor dibatalkan, tidak ada yang disimpan (${checked.errors.length} kesalahan):\n${checked.errors.join('\n')}`);
  }
  const warnings = warningLines(checked.warnings);
  if (o['dry-run']) {
    const plan = await planPastResults(ctx.db, workspace.id, checked.rows);
    ctx.io.out([`Uji coba untuk ${workspace.slug} (tidak ada yang disimpan): ${checked.rows.length} baris sah; ${describeSaved(plan)}.`, ...warnings].join('\n'));
    return;
  }
  const done = await savePastResults(ctx.db, workspace.id, checked.rows, CLI_ACTOR);
  ctx.io.out([`Riwayat diimpor untuk ${workspace.slug}: ${describeSaved(done)}.`, ...warnings].join('\n'));
}

function describeResult(r: PastResultInput): string {
  const domains = r.domains.length > 0 ? `, domain ${r.domains.map((d) => `${d.no}: ${formatPastIndex(d.units)}`).join(' / ')}` : '';
  return `indeks ${formatPastIndex(r.indexUnits)}${r.predicate ? ` (${r.predicate})` : ''}${domains}`;
}

async function historyList(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' } }, ['workspace'], USAGE.list);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const rows = await listPastResults(ctx.db, workspace.id);
  if (rows.length === 0) {
    ctx.io.out(`Belum ada riwayat hasil untuk ${workspace.slug}; tambahkan dengan history add atau history import.`);
    return;
  }
  const frameworks = await listFrameworkDefs(ctx.db);
  const domainCount = Math.max(0, ...rows.flatMap((r) => r.domains.map((d) => d.no)));
  const domainNos = Array.from({ length: domainCount }, (_, i) => i + 1);
  let derived = false;
  const lines = rows.map((r) => {
    const bands = bandsOfYear(frameworks, r.year, r.frameworkCode)?.predicates ?? [];
    const computed = r.predicate === null ? predicateOf(bands, r.indexUnits) : null;
    if (computed) derived = true;
    return [
      String(r.year), formatPastIndex(r.indexUnits), r.predicate ?? (computed ? `${computed}*` : '–'),
      ...domainNos.map((no) => {
        const d = r.domains.find((x) => x.no === no);
        return d ? formatPastIndex(d.units) : '–';
      }),
      r.frameworkCode ?? '', r.source ?? '',
    ];
  });
  const header = ['Tahun', 'Indeks', 'Predikat', ...domainNos.map((no) => `D${no}`), 'Kerangka', 'Sumber'];
  const numeric = [0, 1, ...domainNos.map((no) => 2 + no)];
  ctx.io.out([
    renderTable(header, lines, numeric),
    ...(derived ? ['* predikat dihitung dari rentang kerangka tahun itu (tidak diisi saat dicatat).'] : []),
  ].join('\n'));
}

async function historyRemove(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, { workspace: { type: 'string' }, year: { type: 'string' } }, ['workspace', 'year'], USAGE.remove);
  const year = parseYearOption(o.year)!;
  const workspace = await requireWorkspace(ctx, o.workspace!);
  const removed = await deletePastResult(ctx.db, workspace.id, year, CLI_ACTOR);
  if (!removed) throw new CliError(`riwayat ${workspace.slug} tidak memuat tahun ${year}; lihat dengan: npm run cli -- history list --workspace ${workspace.slug}`);
  ctx.io.out(`Riwayat ${workspace.name} ${year} dihapus (${describeResult(removed)}).`);
}
