// Test support: a full report input without a database, modelled on Kabupaten Paser: its
// published history 2018–2023 (domain.md), the 2024 evaluation through mandiri → dokumen → final
// (final = the fixture levels that give the published 3,27), and a checklist over many OPDs with
// done, submitted, open and overdue items.
import type { ItemStatus } from '../../src/domain/checklists.ts';
import type { ReportInput, ReportItemInput, PastYearInput } from '../../src/domain/report.ts';
import type { Stage } from '../../src/domain/stages.ts';
import { fixtureValues, shippedFramework } from './frameworks.ts';

export const PASER_HISTORY: PastYearInput[] = [
  { year: 2018, totalUnits: 18_500, predicate: 'Cukup', frameworkCode: null, domains: [], source: 'KemenPANRB' },
  { year: 2019, totalUnits: 16_900, predicate: 'Kurang', frameworkCode: null, domains: [], source: 'KemenPANRB' },
  { year: 2020, totalUnits: 16_900, predicate: 'Kurang', frameworkCode: null, domains: [], source: 'KemenPANRB' },
  { year: 2021, totalUnits: 13_600, predicate: 'Kurang', frameworkCode: 'spbe-2020', domains: [], source: 'KemenPANRB' },
  { year: 2022, totalUnits: 21_300, predicate: 'Cukup', frameworkCode: 'spbe-2020', domains: [], source: 'KemenPANRB' },
  {
    year: 2023, totalUnits: 29_000, predicate: 'Baik', frameworkCode: 'spbe-2020', source: 'KemenPANRB',
    domains: [{ no: 1, units: 30_000 }, { no: 2, units: 26_000 }, { no: 3, units: 20_000 }, { no: 4, units: 33_700 }],
  },
];

const STATUSES: ItemStatus[] = ['selesai', 'selesai', 'diajukan', 'proses', 'belum', 'revisi', 'selesai', 'belum', 'dibatalkan'];

export interface ReportFixtureOptions {
  opds?: number;
  itemsPerOpd?: number;
  history?: boolean;
}

/**
 * The 2024 levels: final from the fixture (3,27); dokumen one level lower on every fourth
 * indicator; mandiri one level higher (capped at 5) on every indicator, as self-assessments run high.
 */
export function paserLevels(): Map<Stage, Map<number, number>> {
  const final = fixtureValues('paser-2024-final.csv');
  const dokumen = new Map([...final].map(([no, l]) => [no, no % 4 === 0 ? Math.max(100, l - 100) : l]));
  const mandiri = new Map([...final].map(([no, l]) => [no, Math.min(500, l + 100)]));
  return new Map<Stage, Map<number, number>>([['mandiri', mandiri], ['dokumen', dokumen], ['final', final]]);
}

export function paserReportInput(options: ReportFixtureOptions = {}): ReportInput {
  const framework = shippedFramework('spbe-2020');
  const pemdi = shippedFramework('pemdi-2026');
  const opdCount = options.opds ?? 12;
  const perOpd = options.itemsPerOpd ?? 6;
  const opds = Array.from({ length: opdCount }, (_, i) => ({
    code: i === 0 ? 'diskominfo' : i === 1 ? 'bappeda' : `opd${String(i + 1).padStart(2, '0')}`,
    name: i === 0 ? 'Dinas Komunikasi dan Informatika' : i === 1 ? 'Badan Perencanaan Pembangunan Daerah' : `Dinas Contoh ${i + 1}`,
  }));
  const items: ReportItemInput[] = [];
  let id = 1;
  for (const [o, opd] of opds.entries()) {
    for (let k = 0; k < perOpd; k++) {
      const indicatorNo = ((o * perOpd + k) % framework.indicators.length) + 1;
      // Earlier OPDs get more overdue work so the ranking is not a tie.
      const status = STATUSES[(o + k) % STATUSES.length]!;
      const due = k < Math.max(0, 4 - Math.floor(o / 3)) ? '2024-09-30' : '2024-11-15';
      items.push({
        id: id++, opdCode: opd.code, indicatorNo, stage: 'dokumen', level: (k % 5) + 1,
        title: `Dokumen bukti indikator ${indicatorNo} (${opd.code} #${k + 1})`, status, due,
        assignee: k % 2 === 0 ? `PIC ${opd.code}` : null,
      });
    }
  }
  return {
    workspaceName: 'Pemerintah Kabupaten Paser',
    timeZone: 'Asia/Makassar',
    targetUnits: 35_000,
    year: 2024,
    framework,
    frameworks: [framework, pemdi],
    recorded: paserLevels(),
    opds,
    items,
    scoreChanges: [
      { at: new Date('2024-08-01T02:00:00Z'), indicatorNo: 1, stage: 'mandiri', oldValue: null, newValue: 500, note: 'penilaian mandiri', author: 'Rina', source: 'bot' },
      { at: new Date('2024-09-20T03:00:00Z'), indicatorNo: 4, stage: 'dokumen', oldValue: null, newValue: 300, note: null, author: null, source: 'import' },
      { at: new Date('2024-12-10T04:00:00Z'), indicatorNo: 12, stage: 'final', oldValue: 300, newValue: 400, note: 'hasil akhir', author: 'Budi', source: 'cli' },
    ],
    history: options.history === false ? [] : PASER_HISTORY,
    owners: new Map([[1, ['bappeda']], [12, ['diskominfo']], [21, ['diskominfo', 'bappeda']]]),
    externalRecorded: new Set<number>(),
    today: '2024-10-15',
    generatedAt: new Date('2024-10-15T01:30:00Z'),
  };
}
