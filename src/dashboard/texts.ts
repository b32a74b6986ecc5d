// What the dashboard's server says, in Indonesian (the page's own labels are in page.html).
export const dashboardTexts = {
  signInFailed: 'Data masuk dari Telegram tidak sah. Buka dasbor lewat tombol 📊 Dasbor di chat bot.',
  stale: 'Sesi dasbor sudah kedaluwarsa. Tutup dasbor, lalu buka lagi lewat tombol 📊 Dasbor di chat bot.',
  notMember: 'Anda belum terdaftar di workspace ini. Minta admin SPBE instansi Anda mengirim undangan.',
  notFound: 'Halaman data tidak ditemukan.',
  methodNotAllowed: 'Permintaan tidak didukung.',
  failed: 'Terjadi kesalahan di server. Coba lagi sebentar lagi.',
} as const;
