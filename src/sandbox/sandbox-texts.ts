// Every string the sandbox terminal itself prints (the bot's own words come from src/bot/texts.ts).
// Plain text, not HTML: this goes to a terminal, and is read by someone trying the bot for the
// first time, so it says what to type rather than how it works.

export interface WelcomeFacts {
  workspace: string;
  group: string;
  person: string;
}

/** The live demo (src/db/demo-live.ts) the sandbox runs on. */
export interface DemoFacts {
  year: number;
  /** built (again) by this start, dates moved to today */
  rebuilt: boolean;
  /** the day it was built, as Indonesians write it */
  builtOn: string;
}

// Five lines that show the product: where we stand, who is behind, one OPD's checklist, a PIC's
// own tasks, and the leadership report.
const tryThis = (year: number): [string, string][] => [
  ['/indeks', `indeks Pemdi ${year}: mandiri → dokumen, target, proyeksi dari bukti`],
  ['/progres', 'progres ceklis tiap OPD dan butir yang terlambat'],
  ['/ceklis bappeda', 'butir Bappeda dalam semua status; ketik nomor tombol untuk membuka'],
  [':sebagai 2, /tugas', 'sebagai Budi (PIC Bappeda): tugasnya, tenggat terdekat dulu'],
  ['/laporan', 'laporan pimpinan: empat grafik, ringkasan PDF, XLSX lengkap'],
];

const MORE = ['/bantuan', '/tahapan', '/skor 19', '/simulasi 3', '/nilai 19 2,25 interviu', '/siapkan', '/tugaskan'];

const pad = (s: string, width: number) => s + ' '.repeat(Math.max(1, width - [...s].length));

export const sandboxTexts = {
  welcome: (f: WelcomeFacts, demo: DemoFacts) => [
    'SPBE Bot — sandbox lokal (tanpa Telegram)',
    '',
    `Ini bot yang sesungguhnya, berjalan di komputer Anda dengan server Telegram tiruan dan workspace demo "${f.workspace}":`,
    `evaluasi Indeks Pemdi ${demo.year} yang sedang berjalan, tanggalnya mengikuti hari ini. ${demo.rebuilt
      ? `Data demo baru dibangun (${demo.builtOn}).` : `Data demo dibangun ${demo.builtOn}; besok dibangun ulang, atau sekarang dengan: npm start -- --reset`}`,
    'Ketik pesan seperti di Telegram lalu Enter; balasan bot muncul di bawahnya.',
    `Anda mengetik sebagai ${f.person} di grup "${f.group}".`,
    '',
    'Coba ini dulu (sebagai Rina, kecuali disebut lain):',
    ...tryThis(demo.year).map(([command, what]) => `  ${pad(command, 21)}${what}`),
    `Lainnya: ${MORE.join(', ')}.`,
    'Selagi pesan bot terakhir bertombol, angka saja (mis. 1) menekan tombol bernomor itu; untuk mengirim angka sebagai teks: :ketik 19.',
    '',
    sandboxTexts.commands,
  ].join('\n'),
  commands: [
    'Perintah sandbox (diawali ":", tidak dikirim ke bot):',
    `  ${pad(':sebagai <1-4>', 19)}ganti orang: 1 Rina (koordinator), 2 Budi (PIC Bappeda), 3 Pak Sekda (pimpinan), 4 Tamu (belum anggota)`,
    `  ${pad(':grup', 19)}mengetik di grup demo`,
    `  ${pad(':pribadi', 19)}mengetik di chat pribadi dengan bot`,
    `  ${pad(':ketik <teks>', 19)}kirim teks apa adanya ke bot, mis. angka selagi ada tombol (:ketik 19)`,
    `  ${pad(':dasbor', 19)}alamat dasbor (Mini App) untuk dibuka di peramban, sebagai orang yang sedang dipilih`,
    `  ${pad(':bantuan', 19)}tampilkan petunjuk ini lagi`,
    `  ${pad(':keluar', 19)}selesai (atau Ctrl-D)`,
  ].join('\n'),
  nowAs: (person: string, where: string) => `Sekarang Anda ${person}, ${where}.`,
  inGroup: (group: string) => `di grup "${group}"`,
  inPrivate: 'di chat pribadi dengan bot',
  choosePerson: (list: string[]) => `Pilih orang dengan nomornya, mis. ":sebagai 2":\n${list.map((l) => `  ${l}`).join('\n')}`,
  unknownSandboxCommand: (command: string) => `Perintah sandbox "${command}" tidak dikenal. Ketik :bantuan untuk daftarnya.`,
  noButtons: 'Belum ada pesan bot bertombol di chat ini. (Angka saja menekan tombol; kirim teks lain untuk bicara dengan bot.)',
  typeUsage: 'Tulis teksnya sesudah :ketik, mis. ":ketik 19".',
  noSuchButton: (n: number, count: number) =>
    `Tidak ada tombol ${n}: pesan bot terakhir yang bertombol punya ${count === 1 ? '1 tombol' : `tombol 1–${count}`}.`,
  dashboardLink: (person: string, link: string) =>
    `📊 Dasbor sebagai ${person} (masuk seperti dari Telegram, berlaku 12 jam). Buka di peramban:\n${link}`,
  dashboardUnavailable: 'Dasbor tidak tersedia: port-nya sudah dipakai program lain. Jalankan dengan PORT=<port lain> npm start.',
  linkButton: (n: number, url: string) => `Tombol ${n} adalah tautan, tidak dikirim ke bot: ${url}`,
  pressing: (n: number, text: string) => `👆 Menekan [${n}] ${text}`,
  buttonHint: '(ketik nomor tombol untuk menekannya)',

  botSays: (where: string | null) => (where ? `🤖 Bot → ${where}:` : '🤖 Bot:'),
  botEdits: (where: string | null) => (where ? `🤖 Bot mengubah pesannya → ${where}:` : '🤖 Bot mengubah pesannya:'),
  botButtonsChanged: (where: string | null) => `🤖 Bot mengubah tombol pesannya${where ? ` → ${where}` : ''}:`,
  botButtonsRemoved: (where: string | null) => `🤖 Bot menghapus tombol pesannya${where ? ` → ${where}` : ''}.`,
  botDeletes: (where: string | null) => `🤖 Bot menghapus pesannya${where ? ` → ${where}` : ''}.`,
  botPhoto: (where: string | null) => (where ? `🤖 Bot mengirim foto → ${where}:` : '🤖 Bot mengirim foto:'),
  botDocument: (where: string | null) => (where ? `🤖 Bot mengirim berkas → ${where}:` : '🤖 Bot mengirim berkas:'),
  photoSaved: (path: string) => `Foto disimpan: ${path}`,
  documentSaved: (path: string) => `Berkas disimpan: ${path}`,
  fileNotSaved: (ref: string) => `(berkas yang sudah ada di Telegram: ${ref}; tidak disimpan ulang)`,
  callbackNotice: (text: string) => `🔔 ${text}`,
  refused: (method: string, description: string) => `⚠️  Telegram (tiruan) menolak ${method} dari bot: ${description}`,
  botLog: (line: string) => `⚠️  Log bot: ${line}`,
  slowBot: (seconds: number) => `(bot belum selesai menjawab setelah ${seconds} detik; lanjut)`,
  groupChat: (group: string) => `grup "${group}"`,
  privateChat: (person: string) => `chat pribadi ${person}`,
  otherChat: (id: number) => `chat ${id}`,
  bye: 'Sandbox selesai. Data demo tetap tersimpan di basis data. Sampai jumpa!',
};
