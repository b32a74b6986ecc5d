// The leadership report for a workspace with full data: SPBE's 47 indicators scored at all five
// stages, 60 OPDs × 40 checklist items (2 400), 2 000 score changes, every indicator owned, and
// six past years (2018–2023). Times each part (read, model, four charts, workbook, PDF) and the whole of
// what /laporan builds, with the file sizes and the memory it takes.
import { CLI_ACTOR } from '../../src/db/audit.ts';
import { findFrameworkById, findFrameworkIdByCode } from '../../src/db/frameworks.ts';
import { loadReportInput } from '../../src/db/report-data.ts';
import { applyScoreImport } from '../../src/db/scores.ts';
import { createWorkspace } from '../../src/db/workspaces.ts';
import { renderReportCharts } from '../../src/charts/report-charts.ts';
import { ITEM_STATUSES } from '../../src/domain/checklists.ts';
import { buildReport } from '../../src/domain/report.ts';
import { STAGES } from '../../src/domain/stages.ts';
import { buildReportFiles } from '../../src/files/report.ts';
import { buildReportPdf } from '../../src/files/report-pdf.ts';
import { buildReportXlsx } from '../../src/files/report-workbook.ts';
import { benchDatabase, measure, printFigures } from './support.ts';

const OPD_COUNT = 60;
const ITEMS_PER_OPD = 40;
const CHANGES = 2_000;
const NOW = new Date('2024-10-15T02:00:00Z');

const bench = await benchDatabase();
const { db } = bench;
const frameworkId = (await findFrameworkIdByCode(db, 'spbe-2020'))!;
const framework = (await findFrameworkById(db, frameworkId))!;
const { workspace, evaluation } = await createWorkspace(db, {
  slug: 'penuh', name: 'Pemerintah Provinsi Data Penuh', timeZone: 'Asia/Makassar', targetUnits: 35_000, frameworkId, year: 2024, admin: null,
}, CLI_ACTOR);
for (const [s, stage] of STAGES.entries()) {
  await db.stage.update({ where: { evaluationId_kind: { evaluationId: evaluation.id, kind: stage } }, data: { dueDate: `2024-${String(7 + s).padStart(2, '0')}-28` } });
  const rows = framework.def.indicators.map((i) => ({ rowNo: i.no + 1, indicatorNo: i.no, value: (((i.no + s) % 5) + 1) * 100, note: null, external: null }));
  await applyScoreImport(db, { evaluationId: evaluation.id, workspaceId: workspace.id, stage, indicatorIds: framework.indicatorIds, rows }, CLI_ACTOR);
}
const opdIds: number[] = [];
for (let o = 1; o <= OPD_COUNT; o++) {
  opdIds.push((await db.opd.create({ data: { workspaceId: workspace.id, code: `opd${String(o).padStart(2, '0')}`, name: `Perangkat Daerah Nomor ${o}` } })).id);
}
const indicatorIds = [...framework.indicatorIds.values()];
await db.checklistItem.createMany({
  data: opdIds.flatMap((opdId, o) => Array.from({ length: ITEMS_PER_OPD }, (_, k) => ({
    workspaceId: workspace.id, evaluationId: evaluation.id, opdId, indicatorId: indicatorIds[(o * ITEMS_PER_OPD + k) % indicatorIds.length]!,
    stage: STAGES[k % 3]!, level: (k % 5) + 1, title: `Bukti dukung nomor ${k + 1} untuk perangkat daerah ${o + 1}`,
    status: ITEM_STATUSES[(o + k) % ITEM_STATUSES.length]!, dueDate: k % 4 === 0 ? '2024-09-30' : null,
  }))),
});
await db.scoreChange.createMany({
  data: Array.from({ length: CHANGES }, (_, i) => ({
    evaluationId: evaluation.id, indicatorId: indicatorIds[i % indicatorIds.length]!, stage: STAGES[i % 5]!,
    oldValue: ((i % 4) + 1) * 100, newValue: ((i % 4) + 2) * 100, note: i % 3 === 0 ? 'perubahan setelah klarifikasi' : null, source: 'import',
  })),
});
await db.indicatorOwner.createMany({ data: indicatorIds.map((indicatorId, i) => ({ workspaceId: workspace.id, indicatorId, opdId: opdIds[i % OPD_COUNT]! })) });
for (const [k, year] of [2018, 2019, 2020, 2021, 2022, 2023].entries()) {
  await db.pastResult.create({
    data: { workspaceId: workspace.id, year, indexUnits: 15_000 + k * 2_500, frameworkCode: 'spbe-2020', source: 'bench',
      domains: { create: [1, 2, 3, 4].map((domainNo) => ({ domainNo, indexUnits: 14_000 + k * 2_400 + domainNo * 100 })) } },
  });
}

const input = await loadReportInput(db, workspace.id, NOW);
const model = buildReport(input);
const charts = await renderReportCharts(model);
console.log(`data: ${model.indicators.length} indicators × ${model.stages.length} stages, ${model.items.length} items in ${model.opds.length} OPDs, ` +
  `${model.scoreChanges.length} score changes, ${model.trend.length} trend points`);

await measure('read from the database (loadReportInput)', () => loadReportInput(db, workspace.id, NOW), { runs: 30, warmup: 3 });
await measure('report model (buildReport, pure)', () => buildReport(input), { runs: 200, warmup: 20 });
await measure('four charts (renderReportCharts)', () => renderReportCharts(model), { runs: 20, warmup: 3 });
await measure('workbook (buildReportXlsx, 6 sheets)', () => buildReportXlsx(model), { runs: 20, warmup: 3 });
await measure('PDF summary (buildReportPdf)', () => buildReportPdf(model, charts), { runs: 20, warmup: 3 });
await measure('whole report: read + model + charts + XLSX + PDF', async () => buildReportFiles(buildReport(await loadReportInput(db, workspace.id, NOW))), { runs: 20, warmup: 3 });

const files = await buildReportFiles(model);
const kib = (b: Buffer) => `${(b.length / 1024).toFixed(0)} KiB`;
global.gc?.();
const before = process.memoryUsage();
const heldFiles = await Promise.all(Array.from({ length: 4 }, async () => buildReportFiles(buildReport(await loadReportInput(db, workspace.id, NOW)))));
const after = process.memoryUsage();
printFigures('Leadership report (/laporan, `report`) for a workspace with full data');
console.log(`sizes: XLSX ${kib(files.xlsx)}, PDF ${kib(files.pdf)}, charts ${Object.entries(files.charts).map(([k, v]) => `${k} ${kib(v)}`).join(', ')}`);
console.log(`memory: four reports built at once add ${((after.rss - before.rss) / 2 ** 20).toFixed(0)} MiB rss, ` +
  `${((after.heapUsed - before.heapUsed) / 2 ** 20).toFixed(0)} MiB heap (${heldFiles.length} kept); rss now ${(after.rss / 2 ** 20).toFixed(0)} MiB`);
await bench.dispose();
