// `report`: the leadership report as files, the same the bot sends with /laporan. Without
// --format both the workbook and the PDF summary are written; --charts also keeps the PNGs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EvaluationNotFoundError } from '../../db/evaluations.ts';
import { loadReportInput } from '../../db/report-data.ts';
import { buildReport } from '../../domain/report.ts';
import { buildReportFiles, reportFileName } from '../../files/report.ts';
import type { ReportFormat } from '../../files/report.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError } from '../io.ts';
import { requireWorkspace } from './lookup.ts';

const USAGE = 'npm run cli -- report --workspace <slug> [--format xlsx|pdf] [--year <tahun>] [--out <folder>] [--charts]';
const FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf'];

function writeOrFail(path: string, data: Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (error) {
    throw new CliError(`tidak dapat menulis ${path}: ${(error as Error).message}`);
  }
}

export async function reportCommand(ctx: CliContext, args: string[]): Promise<void> {
  const o = parseOptions(args, {
    workspace: { type: 'string' }, format: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, charts: { type: 'boolean' },
  }, ['workspace'], USAGE);
  const format = o.format?.trim().toLowerCase();
  if (format !== undefined && !FORMATS.includes(format as ReportFormat)) {
    throw new CliError(`format "${o.format}" tidak dikenal; pilihan: xlsx, pdf.\nPemakaian: ${USAGE}`);
  }
  const year = parseYearOption(o.year);
  const workspace = await requireWorkspace(ctx, o.workspace!);
  let input;
  try {
    input = await loadReportInput(ctx.db, workspace.id, ctx.now, year);
  } catch (error) {
    if (error instanceof EvaluationNotFoundError) throw new CliError(error.message);
    throw error;
  }
  const model = buildReport(input);
  const files = await buildReportFiles(model);
  const folder = resolve(ctx.cwd, o.out ?? '.');
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new CliError(`tidak dapat membuat folder ${folder}: ${(error as Error).message}`);
  }
  const written: string[] = [];
  for (const f of format === undefined ? FORMATS : [format as ReportFormat]) {
    const path = join(folder, reportFileName(model, workspace.slug, f));
    writeOrFail(path, f === 'pdf' ? files.pdf : files.xlsx);
    written.push(path);
  }
  if (o.charts) {
    for (const [key, png] of Object.entries(files.charts)) {
      const path = join(folder, reportFileName(model, workspace.slug, 'pdf').replace(/\.pdf$/, `-${key}.png`));
      writeOrFail(path, png);
      written.push(path);
    }
  }
  ctx.io.out([`Laporan ${model.framework.name} ${model.year} — ${workspace.name}:`, ...written.map((p) => `  ${p}`)].join('\n'));
}
