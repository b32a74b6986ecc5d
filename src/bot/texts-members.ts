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
    'keluarkan orang itu dengan CLI admin (<code>members remove</code>).',
  removedRefused: (workspace: string) =>
    `Keanggotaan Anda di <b>${e(workspace)}</b> telah diakhiri oleh admin, sehingga tautan undangan tidak dapat dipakai untuk bergabung kembali. ` +
    'Bila ini keliru, hubungi admin workspace tersebut.',
};
