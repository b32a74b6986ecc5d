// What the dashboard's server says, in Indonesian (the page's older labels are in page.html; new
// ones are pageTexts below, put into the page when the server reads it).
export const dashboardTexts = {
  signInFailed: 'Data masuk dari Telegram tidak sah. Buka dasbor lewat tombol 📊 Dasbor di chat bot.',
  stale: 'Sesi dasbor sudah kedaluwarsa. Tutup dasbor, lalu buka lagi lewat tombol 📊 Dasbor di chat bot.',
  notMember: 'Anda belum terdaftar di workspace ini. Minta admin SPBE instansi Anda mengirim undangan.',
  notFound: 'Halaman data tidak ditemukan.',
  opdNotFound: 'OPD ini tidak ditemukan, atau di luar akses Anda (PIC hanya melihat OPD-nya sendiri).',
  methodNotAllowed: 'Permintaan tidak didukung.',
  indicatorNotFound: 'Indikator itu tidak ada dalam kerangka evaluasi workspace ini.',
  fileNotFound: 'Berkas bukti ini tidak ditemukan, atau di luar akses Anda.',
  fileNotSent: 'Berkas belum dapat dikirim: buka chat pribadi dengan bot dan ketik /start, lalu coba lagi.',
  fileSent: 'Berkas dikirim ke chat pribadi Anda dengan bot.',
  verifyOnly: 'Antrean verifikasi hanya untuk koordinator.',
  unknownAction: 'Tindakan tidak dikenal.',
  badLink: 'Tautan bukti tidak dikenali: tulis alamat lengkap yang diawali https://, misalnya https://jdih.contoh.go.id/perbup-spbe.',
  badBody: 'Isi permintaan tidak dapat dibaca.',
  reasonTooLong: (max: number) => `Alasan terlalu panjang: paling banyak ${max} karakter.`,
  stale409: 'Item ini sudah berubah atau tidak ada lagi. Muat ulang dasbor.',
  failed: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
} as const;

/** Labels of the page's evidence-link form, written into page.html's script as PAGE_TEXTS. */
export const pageTexts = {
  addLink: 'Tambah tautan bukti',
  linkLabel: 'Tautan bukti (https://…)',
  saveLink: 'Simpan tautan',
  linkFailed: 'Tautan belum tersimpan, coba lagi.',
} as const;
