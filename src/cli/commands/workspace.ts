import { toLocalDate } from '../../domain/dates.ts';
import { formatDecimal } from '../../domain/decimal.ts';
import { parseTimeZone, zoneLabel } from '../../domain/time-zones.ts';
import { frameworkForYear, isValidSlug, parseTargetIndex, parseTelegramId } from '../../domain/workspace-rules.ts';
import { CLI_ACTOR } from '../../db/audit.ts';
import { listFrameworks } from '../../db/frameworks.ts';
import { createWorkspace, WorkspaceExistsError } from '../../db/workspaces.ts';
import { parseOptions, parseYearOption } from '../args.ts';
import type { CliContext } from '../io.ts';
import { CliError, UsageError } from '../io.ts';

const USAGE = 'npm run cli -- workspace create --slug <slug> --name "<nama>" --tz <WIB|WITA|WIT|Asia/…> ' +
  '[--framework spbe-2020|pemdi-2026] [--year <tahun>] [--target <indeks>] [--admin <telegram-id>]';

export async function workspaceCommand(ctx: CliContext, args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== 'create') throw new UsageError(`perintah workspace "${sub ?? ''}" tidak dikenal\nPemakaian: ${USAGE}`);
  const o = parseOptions(rest, {
    slug: { type: 'string' }, name: { type: 'string' }, tz: { type: 'string' }, framework: { type: 'string' },
    year: { type: 'string' }, target: { type: 'string' }, admin: { type: 'string' },
  }, ['slug', 'name', 'tz'], USAGE);

  const slug = o.slug!.trim().toLowerCase();
  if (!isValidSlug(slug)) throw new CliError(`slug "${o.slug}" tidak sah: pakai huruf kecil, angka dan tanda minus (mis. kaltim, kab-paser).`);
  const name = o.name!.trim();
  if (name === '') throw new CliError('nama instansi tidak boleh kosong (mis. --name "Pemkab Paser").');
  if (name.length > 100) throw new CliError('nama instansi paling banyak 100 karakter.');
  const timeZone = parseTimeZone(o.tz!);
  if (!timeZone) throw new CliError(`zona waktu "${o.tz}" tidak dikenal: pakai WIB, WITA atau WIT (Asia/Jakarta, Asia/Makassar, Asia/Jayapura).`);
  const year = parseYearOption(o.year) ?? toLocalDate(ctx.now, timeZone).year;
  const targetUnits = o.target === undefined ? null : parseTargetIndex(o.target);
  if (o.target !== undefined && targetUnits === null) throw new CliError(`target "${o.target}" tidak sah: angka 1–5 dengan paling banyak 2 desimal (mis. 3,5).`);
  const adminId = o.admin === undefined ? null : parseTelegramId(o.admin);
  if (o.admin !== undefined && adminId === null) throw new CliError(`id Telegram admin "${o.admin}" tidak sah: bilangan bulat positif (mis. 123456789).`);

  const frameworks = await listFrameworks(ctx.db);
  const framework = o.framework === undefined
    ? frameworkForYear(frameworks, year)
    : (frameworks.find((f) => f.code === o.framework) ?? null);
  if (!framework) {
    const known = frameworks.map((f) => f.code).join(', ');
    throw new CliError(o.framework === undefined
      ? `tidak ada kerangka evaluasi yang berlaku untuk tahun ${year}; pilih dengan --framework (${known}).`
      : `kerangka "${o.framework}" tidak dikenal; pilihan: ${known}.`);
  }

  try {
    await createWorkspace(ctx.db, {
      slug, name, timeZone, targetUnits, frameworkId: framework.id, year,
      admin: adminId === null ? null : { telegramId: adminId, displayName: `Admin ${adminId}` },
    }, CLI_ACTOR);
  } catch (error) {
    if (error instanceof WorkspaceExistsError) throw new CliError(error.message);
    throw error;
  }
  const parts = [
    `Workspace ${slug} dibuat: ${name} (${zoneLabel(timeZone)}).`,
    `Evaluasi ${year}: ${framework.name} (${framework.regulation})${framework.provisional ? ' [sementara]' : ''}.`,
    targetUnits === null ? 'Target indeks belum diatur.' : `Target indeks: ${formatDecimal(targetUnits, 4, 2)}.`,
    adminId === null ? 'Belum ada admin: tambahkan dengan --admin <telegram-id>.' : `Admin pertama: Telegram ${adminId}, dengan peran admin dan koordinator (dapat langsung memakai /nilai, /jadwal, /tugaskan, /siapkan; /start di chat pribadi dengan bot).`,
  ];
  ctx.io.out(parts.join('\n'));
}
