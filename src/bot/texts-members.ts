// The texts of invites and membership: /undang, joining with a link, removal.
import { escapeHtml as e } from './html.ts';
import { roleName } from './texts.ts';

export const memberTexts = {
  inviteOnlyPrivate: 'Perintah /undang hanya dapat dipakai di chat pribadi dengan bot. Buka chat dengan bot, lalu ketik /undang di sana.',
  inviteExtraWords: 'Terlalu banyak kata: sebutkan peran, lalu paling banyak satu OPD dan satu jumlah pemakaian.',
  inviteUsesOutOfRange: (max: number) => `Jumlah pemakaian tautan 1–${max} orang.`,
  inviteMultiUseNotPic: 'Hanya undangan PIC untuk satu OPD yang dapat dipakai lebih dari satu orang. Undangan admin, koordinator dan pimpinan dibuat satu per orang.',
  inviteUses: (maxUses: number) =>
    maxUses === 1 ? 'Tautan ini hanya dapat dipakai <b>satu orang</b>.' : `Tautan ini dapat dipakai paling banyak <b>${maxUses} orang</b>.`,
  inviteUsed: (name: string, username: string | null, telegramId: string, roleCode: string, opd: string | null, workspace: string, uses: number, maxUses: number) =>
    `👤 <b>${e(name)}</b>${username ? ` (@${e(username)})` : ''}, id Telegram <code>${e(telegramId)}</code>, bergabung di <b>${e(workspace)}</b> ` +
    `sebagai ${e(roleName(roleCode))}${opd ? ` untuk <b>${e(opd)}</b>` : ''} dengan tautan undangan Anda (dipakai ${uses} dari ${maxUses}).\n` +
    (uses < maxUses ? 'Bukan orang yang Anda undang? Cabut tautannya dengan tombol di bawah dan ' : 'Bukan orang yang Anda undang? ') +
    'keluarkan orang itu dengan /anggota.',
  removedRefused: (workspace: string) =>
    `Keanggotaan Anda di <b>${e(workspace)}</b> telah diakhiri oleh admin, sehingga tautan undangan tidak dapat dipakai untuk bergabung kembali. ` +
    'Bila ini keliru, hubungi admin workspace tersebut.',

};

/** /anggota: an admin's list of members, one member's roles and OPD, and what the person is told. */
export const memberAdminTexts = {
  onlyPrivate: 'Perintah /anggota hanya dapat dipakai di chat pribadi dengan bot: daftar anggota memuat id Telegram. Buka chat dengan bot, lalu ketik /anggota di sana.',
  listTitle: (workspace: string, count: number, page: number, pages: number) =>
    `👥 <b>Anggota ${e(workspace)}</b>: ${count} orang${pages > 1 ? ` (halaman ${page} dari ${pages})` : ''}`,
  listLine: (no: number, name: string, username: string | null, roles: string[], opds: string[]) =>
    `${no}. <b>${e(name)}</b>${username ? ` (@${e(username)})` : ''}: ${rolesText(roles, opds)}`,
  listHint: 'Pilih anggota untuk menambah atau mencabut peran, memindahkan OPD PIC, atau mengeluarkannya.',
  memberTitle: (name: string, username: string | null, telegramId: string) =>
    `👤 <b>${e(name)}</b>${username ? ` (@${e(username)})` : ''}, id Telegram <code>${e(telegramId)}</code>`,
  memberRoles: (roles: string[], opds: string[]) => `Peran: ${rolesText(roles, opds)}`,
  memberJoined: (date: string) => `Bergabung: ${e(date)}`,
  memberHint: 'Ketuk ➕ untuk menambah peran, ✅ untuk mencabutnya. Peran PIC meminta OPD-nya.',
  roleButton: (on: boolean, role: string) => `${on ? '✅' : '➕'} ${roleName(role)}`,
  moveButton: '🏢 Pindah OPD',
  removeButton: '🚪 Keluarkan',
  backToList: '‹ Daftar anggota',
  backToMember: '‹ Kembali',
  previous: '‹ Sebelumnya',
  next: 'Berikutnya ›',
  chooseOpd: (name: string) => `Pilih OPD yang ditangani <b>${e(name)}</b> sebagai PIC:`,
  noOpds: 'Workspace ini belum memiliki OPD. Tambahkan dengan CLI admin (<code>opds add</code>) dulu.',
  confirmRemove: (name: string, workspace: string) =>
    `Keluarkan <b>${e(name)}</b> dari <b>${e(workspace)}</b>?\n\n` +
    'Perannya dicabut, butir terbuka yang ditugaskan kepadanya menjadi tanpa penanggung jawab, undangan buatannya dicabut ' +
    'dan pengingat pribadinya dibatalkan. Bot tidak mengeluarkannya dari grup Telegram.',
  confirmRemoveYes: 'Ya, keluarkan',
  removed: (name: string, workspace: string, unassigned: number) =>
    `🚪 <b>${e(name)}</b> dikeluarkan dari <b>${e(workspace)}</b>.` +
    (unassigned > 0 ? ` ${unassigned} butir terbuka kini tanpa penanggung jawab: tugaskan lagi dengan /ceklis.` : '') +
    ' Keluarkan juga dari grup Telegram bila perlu.',
  // Alerts on a button (plain text, at most 200 characters): no user text in them.
  changedNotice: 'Tersimpan.',
  lastAdmin: 'Anda admin terakhir workspace ini: jadikan anggota lain admin dulu, baru cabut peran admin Anda atau keluar.',
  onlyRole: 'Ini satu-satunya peran anggota ini. Untuk mengakhiri keanggotaannya, pakai tombol Keluarkan.',
  unchanged: 'Tidak ada yang berubah: peran itu sudah seperti yang diminta.',
  goneMember: 'Orang ini bukan lagi anggota workspace ini.',
  toldGranted: (admin: string, role: string, opd: string | null, workspace: string) =>
    `👥 Admin <b>${e(admin)}</b> memberi Anda peran <b>${roleName(role)}</b>${opd ? ` untuk <b>${e(opd)}</b>` : ''} di <b>${e(workspace)}</b>. ` +
    'Ketik /bantuan untuk melihat perintah yang kini dapat Anda pakai.',
  toldRevoked: (admin: string, role: string, workspace: string) =>
    `👥 Admin <b>${e(admin)}</b> mencabut peran <b>${roleName(role)}</b> Anda di <b>${e(workspace)}</b>.`,
  toldMoved: (admin: string, opd: string, workspace: string) =>
    `👥 Admin <b>${e(admin)}</b> memindahkan Anda: kini PIC <b>${e(opd)}</b> di <b>${e(workspace)}</b>. ` +
    'Butir yang sudah ditugaskan kepada Anda tetap milik Anda.',
  toldRemoved: (admin: string, workspace: string) =>
    `👥 Keanggotaan Anda di <b>${e(workspace)}</b> diakhiri oleh admin <b>${e(admin)}</b>. Bila ini keliru, hubungi admin tersebut.`,
};

function rolesText(roles: string[], opds: string[]): string {
  const named = roles.map((r) => (r === 'pic' && opds.length > 0 ? `PIC ${opds.map(e).join(', ')}` : roleName(r)));
  return named.length > 0 ? named.join(', ') : '(tanpa peran)';
}
