// The texts of scores and the index: /indeks, /skor, /domain, /simulasi, /nilai.
import { escapeHtml as e } from './html.ts';

const signed = (s: string) => (s.startsWith('-') || s === '0,00' ? s : `+${s}`);

export const scoreTexts = {
  indexTitle: (framework: string, year: number, workspace: string, stage: string) =>
    `<b>${e(framework)} ${year} — ${e(workspace)}</b>\nTahap: ${e(stage)}`,
  indexLine: (value: string, predicate: string) => `Indeks: <b>${value}</b> (${e(predicate)})`,
  indexIncomplete: (missing: number, total: number) =>
    `Indeks belum dapat dihitung: ${missing} dari ${total} indikator belum bernilai.`,
  changeLine: (stage: string, delta: string) => `Dibanding ${e(stage)}: ${signed(delta)}`,
  targetLine: (target: string, gap: string | null) =>
    gap === null ? `Target: ${target}` : gap.startsWith('-') ? `Target ${target}: belum tercapai (${gap})` : `Target ${target}: tercapai (${signed(gap)})`,
  groupHeader: (label: string) => `\n<b>${label}</b>`,
  groupLine: (no: number, name: string, value: string | null) => `${no}. ${e(name)}: ${value ?? '–'}`,
  missingLine: (nos: number[]) => `\nBelum bernilai: indikator ${nos.join(', ')}`,
  externalWaiting: (lines: string[]) => `\n⏳ Indeks instansi lain: ${lines.map(e).join('; ')}.`,
  chartButton: '📊 Grafik',
  chartDomainsTitle: (framework: string, year: number, stage: string) => `${framework} ${year} — ${stage}`,
  chartStagesTitle: (framework: string, year: number) => `${framework} ${year} per tahap`,
  chartCaption: (workspace: string) => `Grafik ${e(workspace)}`,
  noLevels: 'Belum ada nilai yang tercatat untuk evaluasi ini.',

  indicatorTitle: (no: number, name: string) => `<b>Indikator ${no}</b> — ${e(name)}`,
  indicatorPlace: (aspect: string, domain: string | null, weight: string) =>
    `Aspek: ${e(aspect)}${domain ? `\nDomain: ${e(domain)}` : ''}\nBobot: ${weight}%`,
  /** value: "1,26 (Merintis · Kurang)" or "3 (Terdefinisi)", already escaped by valueWithBand's caller */
  indicatorStage: (stage: string, value: string | null, carried: boolean) =>
    `• ${e(stage)}: ${value === null ? '–' : e(value)}${carried ? ' ↩' : ''}`,
  indicatorCarriedNote: '↩ = tidak dinilai ulang di tahap ini; memakai nilai tahap sebelumnya.',
  indicatorNote: (stage: string, note: string, author: string | null) => `Catatan ${e(stage)}${author ? ` (${e(author)})` : ''}: ${e(note)}`,
  indicatorOwners: (opds: string[]) => `OPD penanggung jawab: ${opds.length ? opds.map(e).join(', ') : 'belum ditetapkan'}`,
  indicatorEvidence: (example: string) => `Contoh bukti dukung: ${e(example.length > 600 ? `${example.slice(0, 600)}…` : example)}`,
  indicatorExternal: (code: string, name: string, agency: string, value: string | null, derived: string | null) =>
    value === null
      ? `⏳ Nilai dari ${e(name)} (${e(code)}, ${e(agency)}): belum dicatat. Catat dengan <code>/nilai &lt;no&gt; ${e(code.toLowerCase())} &lt;nilai&gt;</code>.`
      : `Nilai ${e(code)} (${e(agency)}): <b>${e(value)}</b>${derived ? ` → nilai indikator ${e(derived)}` : ' (rujukan; nilai indikator tetap dari asesor)'}.`,
  indicatorAgencies: (agencies: string[]) => `Instansi pembina: ${agencies.map(e).join(', ')}`,
  indicatorFunctions: (functions: string[]) => `Fungsi pemilik di instansi: ${functions.map(e).join(', ')}`,
  indicatorNextCriteria: (level: number, name: string, criterion: string) => `Untuk naik ke tingkat ${level} (${e(name)}): ${e(criterion)}`,
  indicatorCurrentCriteria: (level: number, name: string, criterion: string) => `Kriteria tingkat ${level} (${e(name)}): ${e(criterion)}`,
  indicatorTop: 'Sudah di tingkat tertinggi (5).',
  indicatorEstimate: (value: string) => `Perkiraan dari item ceklis terverifikasi: <b>${e(value)}</b> (aturan aplikasi nasional: satu tingkat dihitung bila semua tingkat di bawahnya terpenuhi).`,
  indicatorEvidenceUnconfirmed: 'Contoh bukti dukung ini rumusan proyek, bukan daftar resmi (butir resmi tidak dipublikasikan).',

  domainTitle: (no: number, name: string, value: string | null, stage: string) =>
    `<b>Domain ${no} — ${e(name)}</b>: ${value ?? '–'} (tahap ${e(stage)})`,
  aspectTitleOnly: (no: number, name: string, value: string | null, stage: string) =>
    `<b>Aspek ${no} — ${e(name)}</b>: ${value ?? '–'} (tahap ${e(stage)})`,
  noDomainsNote: (framework: string) => `${e(framework)} tidak memakai domain; nomor yang diberikan dibaca sebagai nomor aspek.`,
  aspectHeader: (no: number, name: string, value: string | null) => `\n<b>Aspek ${no}. ${e(name)}</b>: ${value ?? '–'}`,
  indicatorLine: (no: number, name: string, value: string | null, weight: string) =>
    `${no}. ${e(name.length > 70 ? `${name.slice(0, 70)}…` : name)} — ${value ?? '–'} (bobot ${weight}%)`,

  simulationNeedsTarget: 'Target belum diatur untuk workspace ini. Tulis targetnya, mis. <code>/simulasi 3,5</code>.',
  simulationIncomplete: (nos: number[]) => `Simulasi perlu nilai semua indikator; belum bernilai: ${nos.join(', ')}.`,
  simulationAlready: (current: string, target: string) => `Indeks ${current} sudah mencapai target ${target}.`,
  simulationUnreachable: (target: string, max: string) => `Target ${target} tidak dapat dicapai: indeks tertinggi yang mungkin ${max}.`,
  simulationPlan: (current: string, target: string, count: number, result: string) =>
    `Dari ${current} ke target ${target}: paling sedikit <b>${count}</b> kenaikan satu tingkat, hasilnya ${result}.`,
  simulationRaise: (no: number, from: string, to: string, gain: string) => `• indikator ${no}: ${from} → ${to}: ${signed(gain)}`,
  simulationStage: (stage: string) => `Dihitung dari nilai tahap ${e(stage)}; kenaikan terbesar lebih dulu.`,
  simulationDecimalRule:
    'Nilai Pemdi berdesimal: naik satu tingkat dihitung sampai nilai bulat berikutnya (1,26 → 2,00; 2,00 → 3,00), ' +
    'yaitu nilai yang dicapai bila kriteria tingkat berikutnya terpenuhi. Kenaikan pertama dari nilai berdesimal menambah lebih sedikit.',

  scoreRecorded: (no: number, stage: string, value: string, old: string | null, unchanged: boolean, index: string | null, delta: string | null) =>
    `Tercatat: indikator ${no}, tahap ${e(stage)}, nilai <b>${e(value)}</b>${old === null ? '' : unchanged ? ' (tidak berubah)' : `, sebelumnya ${e(old)}`}.` +
    (index ? `\nIndeks tahap ini sekarang: <b>${index}</b>${delta && !unchanged ? ` (${signed(delta)})` : ''}.` : ''),
  externalRecorded: (no: number, code: string, raw: string, stage: string, derived: string | null, index: string | null, delta: string | null) =>
    `Tercatat: nilai ${e(code)} <b>${e(raw)}</b> untuk indikator ${no}.` +
    (derived
      ? `\nNilai indikator ${no} tahap ${e(stage)} menurut tabel peraturan: <b>${e(derived)}</b>.` +
        (index ? `\nIndeks tahap ini sekarang: <b>${index}</b>${delta ? ` (${signed(delta)})` : ''}.` : '')
      : `\n${e(code)} hanya rujukan: nilai indikator ${no} tetap dicatat dari penilaian asesor.`),
  externalUnknown: (no: number, named: string, code: string | null, namedNos: number[]) =>
    `Indikator ${no} tidak memakai nilai ${e(named)}` +
    (code ? `, melainkan ${e(code)}: <code>/nilai ${no} ${e(code.toLowerCase())} &lt;nilai&gt;</code>.` : '; tulis nilainya, mis. <code>/nilai ' + no + ' 2,50</code>.') +
    ` Nilai ${e(named)} untuk indikator ${namedNos.join(', ')}.`,
  noteTooLong: 'Catatan paling banyak 500 karakter.',
};
