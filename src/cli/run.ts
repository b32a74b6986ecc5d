import { checklistCommand } from './commands/checklist.ts';
import { dbCommand } from './commands/db.ts';
import { evaluationCommand } from './commands/evaluation.ts';
import { frameworksCommand } from './commands/frameworks.ts';
import { historyCommand } from './commands/history.ts';
import { holidaysCommand } from './commands/holidays.ts';
import { indexCommand } from './commands/index-report.ts';
import { invitesCommand } from './commands/invites.ts';
import { membersCommand } from './commands/members.ts';
import { opdCommand } from './commands/opds.ts';
import { ownersCommand } from './commands/owners.ts';
import { reportCommand } from './commands/report.ts';
import { scoresCommand } from './commands/scores.ts';
import { stagesCommand } from './commands/stages.ts';
import { workspaceCommand } from './commands/workspace.ts';
import type { CliContext } from './io.ts';
import { CliError } from './io.ts';

export const HELP = `Bot Koordinasi SPBE — CLI admin

  npm run cli -- workspace create --slug kaltim --name "Pemprov Kaltim" --tz WITA \\
      [--framework spbe-2020|pemdi-2026] [--year 2024] [--target 3,5] [--admin <telegram-id>]
  npm run cli -- evaluation create --workspace kaltim [--year 2027] [--framework pemdi-2026]
  npm run cli -- scores import --workspace kaltim --file nilai.csv|nilai.xlsx [--stage final] [--year 2024] [--dry-run]
  npm run cli -- scores history --workspace kaltim [--indicator 12] [--year 2024]
  npm run cli -- scores set --workspace kaltim --indicator 3 --value 1,26 [--external sdi] [--stage dokumen] \\
      [--note "…"] [--year 2024]
  npm run cli -- stages set --workspace kaltim --stage interviu --date 2024-10-29 [--time 14:00] [--year 2024]
  npm run cli -- index --workspace kaltim [--stage final] [--year 2024] [--json]
  npm run cli -- history add --workspace paser --year 2023 --index 2,90 [--predicate Baik] \\
      [--domains 3,00/2,60/2,00/3,37] [--framework spbe-2020] [--source "LHE KemenPANRB"]
  npm run cli -- history import --workspace paser --file riwayat.csv|riwayat.xlsx [--dry-run]
  npm run cli -- history list --workspace paser
  npm run cli -- history remove --workspace paser --year 2023
  npm run cli -- frameworks list
  npm run cli -- frameworks load --file kerangka.json
  npm run cli -- members list --workspace kaltim
  npm run cli -- members remove --workspace kaltim --user <telegram-id|@username>
  npm run cli -- members add --workspace kaltim --user <telegram-id|@username> --role <peran> [--opd bappeda]
  npm run cli -- invites list --workspace kaltim
  npm run cli -- opd add --workspace kaltim --code bappeda --name "Bappeda"
  npm run cli -- opd list --workspace kaltim
  npm run cli -- owners list --workspace kaltim
  npm run cli -- owners set --workspace kaltim --indicator 12 --opd bappeda,bpkad
  npm run cli -- checklist generate --workspace kaltim [--year 2024] [--owners peta.json]
  npm run cli -- checklist export --workspace kaltim --file ceklis.xlsx|ceklis.csv [--year 2024]
  npm run cli -- checklist import --workspace kaltim --file ceklis.xlsx|ceklis.csv [--year 2024] [--dry-run]
  npm run cli -- checklist carry-over --workspace kaltim --from 2023 [--year 2024]
  npm run cli -- checklist assign --workspace kaltim --opd bappeda --title "Unggah SK Tim SPBE" [--indicator 12] \\
      [--due 2024-09-30] [--pic <telegram-id|@username>] [--year 2024]
  npm run cli -- checklist move --workspace kaltim --item 12 --action setujui|kembalikan|… [--reason "…"]
  npm run cli -- report --workspace kaltim [--format xlsx|pdf] [--year 2024] [--out <folder>] [--charts]
  npm run cli -- holidays list [--year 2026] [--dir <folder>]
  npm run cli -- holidays check [--dir <folder>]
  npm run cli -- db copy --to postgresql://pengguna:sandi@host:5432/nama
  npm run cli -- db backup --out cadangan.db

Tahap: mandiri, dokumen, interviu, visitasi, final. Basis data: DATABASE_URL (bawaan file:./spbe-bot.db).`;

const COMMANDS: Record<string, (ctx: CliContext, args: string[]) => Promise<void>> = {
  workspace: workspaceCommand,
  evaluation: evaluationCommand,
  scores: scoresCommand,
  stages: stagesCommand,
  index: indexCommand,
  history: historyCommand,
  frameworks: frameworksCommand,
  members: membersCommand,
  invites: invitesCommand,
  opd: opdCommand,
  owners: ownersCommand,
  checklist: checklistCommand,
  holidays: holidaysCommand,
  report: reportCommand,
  db: dbCommand,
};

/** Runs one CLI call and returns its exit code; expected failures go to stderr, never a stack. */
export async function runCli(ctx: CliContext, argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    ctx.io.out(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    ctx.io.err(`Perintah "${name}" tidak dikenal.\n\n${HELP}`);
    return 2;
  }
  try {
    await command(ctx, args);
    return 0;
  } catch (error) {
    if (error instanceof CliError) {
      ctx.io.err(`Galat: ${error.message}`);
      return error.exitCode;
    }
    throw error;
  }
}
