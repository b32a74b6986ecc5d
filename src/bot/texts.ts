// Every user-facing string of the bot, in Bahasa Indonesia, HTML parse mode. Anything that came
// from a user or a data file is escaped: by the html tag (src/bot/html.ts), or escapeHtml (e).
// src/bot/texts-escaping.test.ts feeds every text here `<`, `&` and a link.
import type { CommandSpec } from './registry.ts';
import { clip, escapeHtml as e, excerpt, html } from './html.ts';

const ROLE_NAMES: Record<string, string> = { admin: 'admin', koordinator: 'koordinator', pic: 'PIC', pimpinan: 'pimpinan' };

export const roleName = (role: string) => ROLE_NAMES[role] ?? role;

export const texts = {
  welcome: (name: string) =>
    `Halo, ${e(name)}! Saya <b>Bot Koordinasi SPBE</b>: indeks, nilai indikator, ceklis dan pengingat ` +
    'evaluasi SPBE/Pemdi instansi Anda, langsung di Telegram.\n\n' +
    'Untuk bergabung, buka tautan undangan dari admin workspace Anda. Ketik /bantuan untuk daftar perintah.',
  welcomeMember: (name: string, workspaces: string[]) =>
    `Halo, ${e(name)}! Anda terdaftar di: ${workspaces.map((w) => `<b>${e(w)}</b>`).join(', ')}.\n` +
    'Ketik /indeks untuk posisi indeks saat ini, atau /bantuan untuk semua perintah.',
  joined: (workspace: string, role: string, opd: string | null) =>
    `Selamat bergabung di <b>${e(workspace)}</b> sebagai ${roleName(role)}${opd ? ` untuk <b>${e(opd)}</b>` : ''}.\n` +
    'Ketik /bantuan untuk melihat perintah yang dapat Anda pakai.',
  inviteProblem: {
    unknown: 'Kode undangan tidak dikenal. Periksa tautannya atau minta tautan baru kepada admin.',
    expired: 'Tautan undangan ini sudah kedaluwarsa. Minta tautan baru kepada admin.',
    revoked: 'Tautan undangan ini sudah dicabut oleh admin.',
    'used-up': 'Tautan undangan ini sudah mencapai batas pemakaian. Minta tautan baru kepada admin.',
  } as Record<string, string>,
  joinInPrivate: 'Untuk bergabung, buka tautan undangan di chat pribadi dengan bot, bukan di grup.',

  noAccess: (command: string, audience: string) =>
    `Anda tidak memiliki akses ke /${e(command)}. Perintah ini hanya untuk ${e(audience)}.`,
  groupNotLinked: 'Grup ini belum terhubung ke workspace mana pun. Admin dapat menghubungkannya dengan /hubungkan.',
  notMember: (workspace: string) =>
    `Anda belum terdaftar di workspace <b>${e(workspace)}</b>. Minta tautan undangan kepada admin.`,
  noWorkspace: 'Anda belum bergabung dengan workspace mana pun. Buka tautan undangan dari admin untuk bergabung.',
  chooseWorkspace: 'Anda anggota beberapa workspace. Pilih workspace yang ingin dipakai di chat ini:',
  workspaceChosen: (name: string) => `Workspace aktif: <b>${e(name)}</b>. Silakan ulangi perintah Anda.`,
  anonymousAdmin: 'Kirim perintah sebagai akun pribadi, bukan sebagai admin anonim grup: bot perlu tahu siapa Anda.',

  usage: (spec: CommandSpec, problem?: string) =>
    `${problem ? `${e(clip(problem, 300))}\n` : ''}Format: <code>${e(spec.usage)}</code>\nContoh: <code>${e(spec.example)}</code>`,
  /** a parser's reason (plain text quoting the input), as markup */
  problem: (problem: string) => e(clip(problem, 300)),
  unknownCommand: (command: string) => `Perintah /${e(excerpt(command))} tidak dikenal. Ketik /bantuan untuk daftar perintah.`,
  help: (lines: string[], inWorkspace: string | null) =>
    `<b>Perintah yang dapat Anda pakai</b>${inWorkspace ? ` (workspace ${e(inWorkspace)})` : ''}:\n${lines.join('\n')}`,
  helpLine: (spec: CommandSpec) => `<code>${e(spec.usage)}</code> — ${e(spec.description)}`,
  error: (ref: string) =>
    `Maaf, terjadi kesalahan di pihak bot. Kode rujukan: <code>${ref}</code>. Silakan coba lagi; bila berulang, sampaikan kode ini kepada admin.`,
  rateLimited: 'Terlalu banyak perintah dalam waktu singkat. Tunggu sebentar, lalu coba lagi.',
  staleButton: 'Tombol ini sudah tidak berlaku.',
  buttonNoAccess: 'Anda tidak memiliki akses untuk tombol ini.',
};

export type Texts = typeof texts;

export const workspaceTexts = {
  inviteCreated: (link: string, role: string, opd: string | null, until: string) =>
    `Tautan undangan sebagai <b>${roleName(role)}</b>${opd ? ` untuk <b>${e(opd)}</b>` : ''}, berlaku sampai ${e(until)}:\n${e(link)}\n\n` +
    'Bagikan kepada yang diundang; mereka cukup membukanya dan menekan Mulai.',
  inviteRevoke: 'Cabut undangan',
  inviteRevoked: 'Undangan dicabut: tautannya tidak dapat dipakai lagi.',
  inviteAlreadyRevoked: 'Undangan ini sudah tidak berlaku.',
  picNeedsOpd: (opds: string[]) =>
    `Undangan PIC perlu OPD. ${opds.length ? `OPD yang ada: ${opds.map(e).join(', ')}.` : 'Belum ada OPD; tambahkan dengan CLI admin (opd add).'}`,
  unknownOpd: (code: string, opds: string[]) =>
    `OPD "${e(excerpt(code))}" tidak ada di workspace ini.${opds.length ? ` OPD yang ada: ${opds.map(e).join(', ')}.` : ''}`,
  linkOnlyInGroup: 'Perintah /hubungkan dipakai di grup yang ingin dihubungkan, bukan di chat pribadi.',
  linkChoose: 'Anda admin di beberapa workspace. Hubungkan grup ini ke:',
  linked: (workspace: string, opd: string | null) =>
    `Grup ini sekarang terhubung ke <b>${e(workspace)}</b>${opd ? ` (OPD ${e(opd)})` : ''}. Pengingat tahapan dan ringkasan akan dikirim ke sini.`,
  linkTaken: (workspace: string) => `Grup ini sudah terhubung ke workspace lain (<b>${e(workspace)}</b>).`,
  linkMoved: (workspace: string, opd: string | null) =>
    `Grup ini telah menjadi supergrup. Tautannya ke <b>${e(workspace)}</b>${opd ? ` (OPD ${e(opd)})` : ''} beserta pengaturan dan pengingatnya ` +
    'dipindahkan dari grup lama ke sini; tidak ada tautan kedua.',
};

export { scoreTexts } from './texts-scores.ts';

export const stageTexts = {
  title: (framework: string, year: number, workspace: string) => `<b>Tahapan evaluasi ${e(framework)} ${year} — ${e(workspace)}</b>`,
  line: (label: string, date: string | null, time: string | null, left: string | null) =>
    `• ${e(label)}: ${date ? `${e(date)}${time ? ` pukul ${e(time)}` : ''}${left ? ` (${e(left)})` : ''}` : 'belum dijadwalkan'}`,
  hint: 'Koordinator mengatur tanggal dengan /jadwal &lt;tahap&gt; &lt;tanggal&gt; [jam].',
  scheduled: (label: string, date: string, time: string | null) => `Jadwal ${e(label)}: ${e(date)}${time ? ` pukul ${e(time)}` : ''}.`,
  /** others: "Penilaian Dokumen (30 November 2026)", the stages whose order the new date breaks */
  outOfOrder: (label: string, others: string[]) =>
    `⚠️ Urutan tahap tidak lazim: ${e(label)} kini tidak lagi di antara tahap sebelum dan sesudahnya (${others.map(e).join('; ')}). Periksa tanggalnya dengan /tahapan.`,
  dateOutOfRange: (typed: string, year: number, first: string, last: string) =>
    `Tanggal "${e(typed)}" di luar masa evaluasi ${year}: pilih tanggal antara ${e(first)} dan ${e(last)}. Jadwal tidak diubah.`,
};

export const checklistTexts = {
  chooseOpd: 'Pilih OPD:',
  noOpds: 'Workspace ini belum memiliki OPD. Admin dapat menambahkannya dengan CLI (opd add).',
  unknownOpd: (code: string, opds: string[]) => `OPD "${e(excerpt(code))}" tidak ada.${opds.length ? ` OPD yang ada: ${opds.map(e).join(', ')}.` : ''}`,
  listTitle: (opd: string, total: number, page: number, pages: number) =>
    `<b>Ceklis ${e(opd)}</b> — ${total} item${pages > 1 ? ` (halaman ${page}/${pages})` : ''}`,
  listEmpty: (opd: string) => `<b>Ceklis ${e(opd)}</b>: belum ada item.`,
  listLine: (icon: string, id: number, title: string, indicator: number | null, due: string | null, assignee: string | null) =>
    `${icon} #${id} ${e(title)}${indicator ? ` (ind. ${indicator})` : ''}${due ? ` — ${e(due)}` : ''}${assignee ? ` — ${e(assignee)}` : ''}`,
  itemTitle: (id: number, title: string) => html`<b>#${id} ${title}</b>`,
  itemLine: (label: string, value: string) => html`${label}: ${value}`,
  itemDescription: (text: string) => html`${clip(text, 500)}`,
  evidenceLine: (kind: string, name: string, who: string) => html`📎 ${kind}: ${clip(name, 200)} (${who})`,
  noEvidence: html`Belum ada bukti dukung.`,
  lateMark: '⚠️ terlambat',
  revision: (reason: string) => html`↩️ Alasan dikembalikan: ${reason}`,
  attachButton: '📎 Lampirkan bukti',
  openButton: (id: number) => `Buka #${id}`,
  prev: '◀', next: '▶',
  moved: (id: number, status: string) => `Item #${id} sekarang: ${e(status)}.`,
  moveStale: 'Item ini sudah berubah; buka lagi untuk melihat statusnya.',
  askReason: (id: number) => `Tulis alasan mengembalikan item #${id} (balas dengan teks; /batal untuk membatalkan).`,
  askEvidence: (id: number) => `Kirim bukti dukung untuk item #${id}: dokumen, foto, atau tautan (https://…). /batal untuk membatalkan.`,
  evidenceSaved: (id: number, status: string) => `Bukti dukung tersimpan untuk item #${id}; status: ${e(status)}.`,
  evidenceNeedsFile: 'Kirim dokumen, foto, atau tautan yang diawali https://. /batal untuk membatalkan.',
  flowCancelled: 'Dibatalkan.',
  nothingToCancel: 'Tidak ada isian yang sedang berjalan.',

  tasksTitle: (n: number) => `<b>Tugas Anda</b> (${n} terbuka, tenggat terdekat dulu):`,
  tasksEmpty: 'Tidak ada tugas terbuka untuk Anda. 👍',
  taskLine: (icon: string, id: number, title: string, opd: string, due: string | null) =>
    `${icon} #${id} ${e(title)} — ${e(opd)}${due ? ` — ${e(due)}` : ''}`,

  progressTitle: (workspace: string, year: number) => `<b>Progres ceklis ${e(workspace)} ${year}</b>`,
  progressLine: (opd: string, bar: string, done: number, total: number) => `<code>${bar}</code> ${e(opd)} (${done}/${total})`,
  progressEmpty: 'Belum ada item ceklis untuk evaluasi ini.',
  overdueTitle: (total: number, shown: number) =>
    `\n<b>Terlambat</b> (${total})${shown < total ? `, ${shown} yang paling lama ditampilkan` : ''}:`,
  overdueLine: (id: number, title: string, opd: string, due: string) => `⚠️ #${id} ${e(title)} — ${e(opd)} — tenggat ${e(due)}`,
  overdueNone: '\nTidak ada item terlambat.',
  readinessTitle: '\n<b>Kesiapan indikator</b> (paling sedikit selesai):',
  readinessLine: (no: number, done: number, total: number) => `• Indikator ${no}: ${done}/${total} selesai`,

  assignStart: 'Tugaskan item baru. Pilih OPD:',
  assignIndicator: (opd: string) => `OPD: <b>${e(opd)}</b>. Ketik nomor indikator yang dibuktikan (mis. 12), atau <code>-</code> bila tidak terkait indikator.`,
  assignTitle: 'Ketik judul item (mis. "Unggah SK Tim Koordinasi SPBE").',
  assignDue: (stageDue: string | null, example: string) =>
    `Ketik tenggat (mis. ${e(example)}), atau <code>-</code> untuk ${stageDue ? `tenggat tahap (${e(stageDue)})` : 'tanpa tenggat'}.`,
  duePast: (date: string) => `Tenggat ${e(date)} sudah lewat: item baru perlu tenggat hari ini atau sesudahnya.`,
  dueOutOfRange: (typed: string, year: number, first: string, last: string) =>
    `Tenggat "${e(excerpt(typed))}" di luar masa evaluasi ${year}: pilih tanggal antara ${e(first)} dan ${e(last)}.`,
  assignWho: 'Pilih penanggung jawab:',
  assignNobody: 'Tanpa penanggung jawab',
  assignNoPics: 'OPD ini belum memiliki PIC; item dibuat tanpa penanggung jawab.',
  assignDone: (id: number, title: string, opd: string, who: string | null, due: string | null) =>
    `Item #${id} dibuat: ${e(title)} — ${e(opd)}${who ? ` — ${e(who)}` : ''}${due ? ` — tenggat ${e(due)}` : ''}.`,
  titleInvalid: 'Judul 3–200 karakter. Ketik lagi.',
  flowExpired: 'Isian ini sudah kedaluwarsa; mulai lagi.',

  notifyAssigned: (id: number, title: string, opd: string, due: string | null) =>
    `📋 Anda ditugaskan: <b>#${id} ${e(title)}</b> (${e(opd)})${due ? `, tenggat ${e(due)}` : ''}. Lihat /tugas.`,
  notifyRevision: (id: number, title: string, reason: string) => `↩️ Item <b>#${id} ${e(title)}</b> dikembalikan: ${e(reason)}`,
  notifyVerified: (id: number, title: string) => `✅ Item <b>#${id} ${e(title)}</b> sudah diverifikasi koordinator.`,
  openPrivateChat: (name: string, link: string) =>
    `${e(name)}, ada kabar untuk Anda tetapi bot belum dapat mengirim pesan pribadi. Buka ${e(link)} dan tekan Mulai.`,
};

export const evidenceTexts = {
  projected: (value: string, predicate: string) => `Proyeksi dari bukti terverifikasi: <b>${value}</b> (${e(predicate)})`,
  bestTitle: 'Item ceklis yang paling menaikkan indeks bila diverifikasi:',
  bestLine: (id: number, title: string, no: number, to: number, gain: string) =>
    `• #${id} ${e(title)} (indikator ${no} → tingkat ${to}): +${gain}`,
  indicatorEvidenceLevel: (level: number, name: string) => `Tingkat berbasis bukti (item ceklis terverifikasi): <b>${level}</b> (${e(name)})`,
  indicatorItems: (counts: string) => `Ceklis: ${e(counts)}`,
  indicatorItemLine: (icon: string, id: number, title: string, level: number | null, opd: string) =>
    `  ${icon} #${id} ${e(title)}${level ? ` [tingkat ${level}]` : ''} — ${e(opd)}`,
};

/** The first lines that fit in `budget` characters: one message, however long each error is. */
function fitLines(lines: string[], budget: number): string[] {
  const shown: string[] = [];
  for (const line of lines) {
    budget -= line.length + 1;
    if (budget < 0) break;
    shown.push(line);
  }
  return shown;
}

export const fileTexts = {
  notChecklistFile: 'Hanya berkas ceklis .xlsx atau .csv yang dapat diimpor. Untuk melampirkan bukti, buka item di /ceklis lalu tekan 📎.',
  evidenceHint: 'Untuk melampirkan bukti dukung, buka item di /ceklis lalu tekan 📎 Lampirkan bukti.',
  tooLarge: 'Berkas terlalu besar untuk diimpor (maksimal 20 MB, batas unduhan bot di Telegram). Bagi menjadi beberapa berkas.',
  unreadable: (why: string) => `Berkas tidak dapat dibaca: ${e(excerpt(why, 300))}`,
  rejected: (n: number, lines: string[]) => {
    const shown = fitLines(lines.map((l) => e(excerpt(l, 200))), 3_500);
    return `Impor ceklis ditolak, tidak ada yang disimpan (${n} kesalahan):\n${shown.join('\n')}${n > shown.length ? `\n… dan ${n - shown.length} lagi.` : ''}`;
  },
  dryRun: (file: string, creates: number, updates: number, unchanged: number) =>
    `Uji coba impor <b>${e(excerpt(file, 120))}</b>: ${creates} item baru, ${updates} berubah, ${unchanged} sama. Belum ada yang disimpan.`,
  apply: '✅ Terapkan', cancel: 'Batal',
  applied: (creates: number, updates: number) => `Impor ceklis selesai: ${creates} item baru, ${updates} berubah.`,
  cancelled: 'Impor dibatalkan; tidak ada yang disimpan.',
  exportButton: '⬇️ Ekspor ceklis (XLSX)',
  exportCaption: (workspace: string, year: number) => `Ceklis ${e(workspace)} ${year}. Ubah lalu kirim kembali ke bot untuk diimpor.`,
};

export const seedTexts = {
  generated: (created: number, existing: number, unassigned: number[]) =>
    `Item ceklis dibuat: ${created} baru${existing ? `, ${existing} sudah ada` : ''}.` +
    (unassigned.length ? ` Indikator tanpa OPD: ${unassigned.join(', ')}.` : '') + ' Lihat /progres atau /ceklis.',
  carried: (created: number, year: number, skipped: number) =>
    `Dibawa dari ${year}: ${created} item belum selesai${skipped ? ` (${skipped} sudah ada)` : ''}.`,
  refused: (why: string) => `Tidak dapat diproses: ${e(why)}`,
};
