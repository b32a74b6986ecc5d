import { resolve } from 'node:path';
import { formatDecimal } from '../../domain/decimal.ts';
import { FrameworkConflictError, listFrameworks, saveFramework } from '../../db/frameworks.ts';
import { FrameworkFileError, readFrameworkFile } from '../../db/framework-files.ts';
import { parseOptions } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';
import { renderTable } from '../table.ts';

const USAGE = 'npm run cli -- frameworks list | frameworks load --file <kerangka.json>';

export async function frameworksCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub === 'list') {
    parseOptions(rest, {}, [], USAGE);
    const rows = (await listFrameworks(ctx.db)).map((f) => [
      f.code, f.name, f.regulation, `${f.validFrom}–${f.validTo ?? ''}`,
      String(f._count.domains), String(f._count.aspects), String(f._count.indicators),
      f.valueDecimals > 0 ? '1,00–5,00' : 'tingkat 1–5', f.provisional ? 'sementara' : 'resmi',
    ]);
    ctx.io.out(renderTable(['Kode', 'Nama', 'Regulasi', 'Tahun', 'Domain', 'Aspek', 'Indikator', 'Nilai', 'Status'], rows, [4, 5, 6]));
    return;
  }
  if (sub === 'load') {
    const o = parseOptions(rest, { file: { type: 'string' } }, ['file'], USAGE);
    try {
      const checked = readFrameworkFile(resolve(ctx.cwd, o.file!));
      const outcome = await saveFramework(ctx.db, checked.framework, checked.contentHash);
      const total = checked.framework.indicators.reduce((s, i) => s + i.weight, 0);
      const word = { created: 'dimuat', updated: 'diperbarui', unchanged: 'tidak berubah' }[outcome];
      ctx.io.out(`Kerangka ${checked.framework.code} ${word}: ${checked.framework.indicators.length} indikator, ` +
        `bobot ${formatDecimal(total, 2, 0)}%.`);
    } catch (error) {
      if (error instanceof FrameworkFileError || error instanceof FrameworkConflictError) throw new CliError(error.message);
      throw error;
    }
    return;
  }
  throw new UsageError(`perintah frameworks "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
}
