// Texts of the checklist import in steps (progress, refusals), of the checklist export sent
// privately, and of flows held to their workspace. Bahasa Indonesia, HTML parse mode; every user
// or file text is escaped by the `html` tag.
import { groupDigits } from '../domain/checklist-import.ts';
import { html } from './html.ts';

export const importTexts = {
  checking: html`Memeriksa berkas sebelum mengimpor…`,
  progress: (done: number, total: number) => html`Mengimpor… ${groupDigits(done)} / ${groupDigits(total)}`,
  stopped: html`Impor dihentikan; tidak ada yang disimpan.`,
  failed: (ref: string) =>
    html`Impor ceklis gagal; tidak ada yang disimpan. Kode rujukan: <code>${ref}</code>. Silakan coba lagi; bila berulang, sampaikan kode ini kepada admin.`,
  busy: html`Impor ceklis lain sedang berjalan di workspace ini. Tunggu hingga selesai, lalu kirim atau terapkan lagi.`,
  otherWorkspace: (planned: string, current: string) =>
    html`Uji coba impor ini dibuat untuk workspace <b>${planned}</b>, sedangkan workspace aktif Anda sekarang <b>${current}</b>. Tidak ada yang disimpan. Pilih kembali <b>${planned}</b> lalu tekan Terapkan, atau kirim berkasnya lagi.`,
  evaluationChanged: html`Evaluasi workspace ini berganti sejak uji coba; tidak ada yang disimpan. Kirim berkasnya lagi untuk uji coba baru.`,
  exportSentPrivately: html`Ekspor ceklis memuat nama penanggung jawab, jadi dikirim ke chat pribadi Anda dengan bot.`,
  exportPrivateBlocked: (bot: string) =>
    html`Ekspor ceklis memuat nama penanggung jawab sehingga hanya dikirim lewat chat pribadi, tetapi bot belum dapat menulis kepada Anda. Buka ${bot}, tekan Mulai, lalu tekan tombol ekspor lagi.`,
};

export const flowTexts = {
  otherWorkspace: (started: string, current: string) =>
    html`Isian ini dimulai di workspace <b>${started}</b>, sedangkan workspace aktif Anda sekarang <b>${current}</b>. Tidak ada yang disimpan. Kembali ke <b>${started}</b> untuk melanjutkan, atau /batal.`,
  reasonTooLong: (max: number, length: number) =>
    html`Alasan terlalu panjang: maksimal ${max} karakter (sekarang ${length}). Tulis yang lebih singkat; isian masih menunggu.`,
};
