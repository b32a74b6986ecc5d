// The strings of /laporan, in Bahasa Indonesia, HTML parse mode. Workspace names come from users,
// so they go through escapeHtml.
import { escapeHtml as e } from './html.ts';

export const reportTexts = {
  working: '⏳ Menyusun laporan: grafik, ringkasan PDF dan berkas XLSX…',
  noEvaluation: (reason: string) => `${e(reason)}\nAdmin dapat membuatnya lewat CLI admin: <code>npm run cli -- evaluation create --workspace … --year …</code>.`,
  /** `byAspect`: a framework without domains (Pemdi), whose first chart is per aspect. */
  chartsCaption: (workspace: string, framework: string, year: number, byAspect: boolean) =>
    `📊 <b>${e(framework)} ${year}</b> — ${e(workspace)}\n${byAspect ? 'Aspek' : 'Domain'} terhadap target · tahapan · tren tahunan · progres OPD`,
  pdfCaption: (headline: string) => `📄 Ringkasan untuk pimpinan. ${e(headline)}`,
  xlsxCaption: '📗 Laporan lengkap (XLSX): indeks per tahap, semua indikator, ceklis per OPD, riwayat nilai, tren.',
  headline: (index: string, predicate: string, stage: string, provisional: boolean) =>
    `Indeks ${index} (${predicate}), ${stage}${provisional ? ', sementara' : ''}.`,
  noScores: 'Belum ada nilai yang dicatat.',
  xlsxSentPrivately: '📗 Berkas XLSX lengkap (berisi nama penanggung jawab) sudah dikirim lewat chat pribadi.',
  xlsxPrivateBlocked: (bot: string) =>
    `📗 Berkas XLSX lengkap berisi nama penanggung jawab, jadi hanya dikirim lewat chat pribadi. ` +
    `Buka chat dengan ${e(bot)}, tekan Mulai, lalu kirim /laporan di sana.`,
};
