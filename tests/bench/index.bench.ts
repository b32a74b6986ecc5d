// The index engine alone, and the path the CLI (and later the bot) takes: load one evaluation
// from SQLite and compute every stage's index.
import { loadEvaluationContext } from '../../src/db/evaluations.ts';
import { computeIndex } from '../../src/domain/index-calculation.ts';
import { simulateTarget } from '../../src/domain/simulation.ts';
import { effectiveValues, STAGES } from '../../src/domain/stages.ts';
import { fixtureValues, shippedFramework } from '../support/frameworks.ts';
import { cli } from '../support/cli.ts';
import { benchDatabase, measure, printFigures } from './support.ts';

const spbe = shippedFramework('spbe-2020');
const kaltim = fixtureValues('kaltim-2024-final.csv');
const lowest = new Map(spbe.indicators.map((i) => [i.no, 100]));
const pemdi = shippedFramework('pemdi-2026');
// Pemdi values as assessors give them: decimals, so the plan comes from the dynamic programme.
const pemdiDecimals = new Map(pemdi.indicators.map((i) => [i.no, 100 + ((i.no * 37) % 300)]));

await measure('computeIndex, SPBE 47 indicators', () => computeIndex(spbe, kaltim), { runs: 20_000 });
await measure('simulateTarget 3,79 → 4,00 (8 raises)', () => simulateTarget(spbe, kaltim, 40_000), { runs: 20_000 });
await measure('simulateTarget 1,00 → 5,00 (188 raises)', () => simulateTarget(spbe, lowest, 50_000), { runs: 2_000 });
await measure('simulateTarget Pemdi decimals → 4,50', () => simulateTarget(pemdi, pemdiDecimals, 45_000), { runs: 2_000 });
await measure('computeIndex, Pemdi 20 decimal values', () => computeIndex(pemdi, pemdiDecimals), { runs: 20_000 });

const bench = await benchDatabase();
const ok = async (argv: string[]) => {
  const run = await cli(bench.db, argv);
  if (run.code !== 0) throw new Error(run.stderr);
};
await ok(['workspace', 'create', '--slug', 'kaltim', '--name', 'Pemprov Kaltim', '--tz', 'WITA', '--year', '2024']);
for (const stage of ['mandiri', 'dokumen', 'interviu', 'final']) {
  await ok(['scores', 'import', '--workspace', 'kaltim', '--file', 'tests/fixtures/kaltim-2024-final.csv', '--stage', stage]);
}
const { id } = await bench.db.workspace.findUniqueOrThrow({ where: { slug: 'kaltim' } });
await measure('load evaluation (4 stages × 47 scores) + index of all 5 stages', async () => {
  const ctx = await loadEvaluationContext(bench.db, id);
  for (const stage of STAGES) computeIndex(ctx.framework.def, effectiveValues(ctx.recorded, stage));
});
await measure('CLI index --json (in-process, one workspace)', () => ok(['index', '--workspace', 'kaltim', '--json']));
let flip = 0;
await measure('CLI scores import, 47 rows changed in one transaction', () => {
  flip = 1 - flip;
  return ok(['scores', 'import', '--workspace', 'kaltim', '--file', `tests/fixtures/${flip ? 'paser-2024' : 'kaltim-2024'}-final.csv`, '--stage', 'final']);
}, { runs: 100, warmup: 10 });
await bench.dispose();

printFigures('Index engine and CLI');
