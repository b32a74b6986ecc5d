// The command table of product.md, in one place: it feeds setMyCommands, /bantuan (only what
// this user's roles allow) and the role check of every command.
import type { Role } from '../domain/roles.ts';

/** 'anyone' needs no membership; 'member' any role in the workspace; else one of the roles. */
export type Audience = 'anyone' | 'member' | readonly Role[];

export interface CommandSpec {
  name: string;
  /** menu description (Indonesian, ≤ 256 chars) */
  description: string;
  usage: string;
  example: string;
  audience: Audience;
}

export const COMMANDS: readonly CommandSpec[] = [
  { name: 'start', description: 'Mulai, atau bergabung dengan kode undangan', usage: '/start [kode]', example: '/start', audience: 'anyone' },
  { name: 'bantuan', description: 'Daftar perintah yang dapat Anda pakai', usage: '/bantuan', example: '/bantuan', audience: 'anyone' },
  { name: 'indeks', description: 'Indeks, predikat, dan nilai per domain/aspek per tahap', usage: '/indeks [tahap]', example: '/indeks dokumen', audience: 'member' },
  { name: 'skor', description: 'Rincian satu indikator', usage: '/skor <no>', example: '/skor 12', audience: 'member' },
  { name: 'domain', description: 'Indikator satu domain (SPBE) atau satu aspek (Pemdi)', usage: '/domain <no>', example: '/domain 4', audience: 'member' },
  { name: 'simulasi', description: 'Kenaikan tingkat paling sedikit untuk mencapai target', usage: '/simulasi [target]', example: '/simulasi 3,5', audience: 'member' },
  { name: 'tahapan', description: 'Tahapan evaluasi, tanggal dan sisa hari', usage: '/tahapan', example: '/tahapan', audience: 'member' },
  { name: 'ceklis', description: 'Ceklis satu OPD dengan tombol status', usage: '/ceklis [opd]', example: '/ceklis bappeda', audience: 'member' },
  { name: 'dasbor', description: 'Dasbor (Mini App): indeks, progres semua OPD, tenggat dan keterlambatan', usage: '/dasbor', example: '/dasbor', audience: 'member' },
  { name: 'tugas', description: 'Tugas saya yang belum selesai', usage: '/tugas', example: '/tugas', audience: 'member' },
  { name: 'progres', description: 'Progres semua OPD dan daftar terlambat', usage: '/progres', example: '/progres', audience: ['koordinator', 'pimpinan'] },
  { name: 'laporan', description: 'Laporan pimpinan: grafik, ringkasan PDF dan XLSX lengkap', usage: '/laporan [tahun]', example: '/laporan 2024', audience: ['koordinator', 'pimpinan'] },
  { name: 'tugaskan', description: 'Buat dan tugaskan item ceklis (koordinator)', usage: '/tugaskan', example: '/tugaskan', audience: ['koordinator'] },
  { name: 'siapkan', description: 'Buat item ceklis evaluasi ini dari contoh bukti dukung, atau bawa item tahun lalu (koordinator)', usage: '/siapkan [lanjutan <tahun>]', example: '/siapkan lanjutan 2023', audience: ['koordinator'] },
  { name: 'batal', description: 'Batalkan isian yang sedang berjalan', usage: '/batal', example: '/batal', audience: 'member' },
  { name: 'nilai', description: 'Catat nilai satu indikator (Pemdi 1,00–5,00; SPBE tingkat 1–5), atau nilai indeks instansi lain (SDI, SJIG, EPSS, IKASANDI)', usage: '/nilai <no> <nilai> [tahap] [catatan]', example: '/nilai 3 1,26 dokumen', audience: ['koordinator'] },
  { name: 'jadwal', description: 'Atur tanggal satu tahapan (koordinator)', usage: '/jadwal <tahap> <tanggal> [jam]', example: '/jadwal interviu 29-10-2024 14.00', audience: ['koordinator'] },
  { name: 'pengingat', description: 'Pengaturan pengingat chat ini (admin, koordinator)', usage: '/pengingat', example: '/pengingat', audience: ['admin', 'koordinator'] },
  { name: 'undang', description: 'Buat tautan undangan sekali pakai, di chat pribadi; PIC satu OPD boleh untuk beberapa orang (admin)', usage: '/undang <peran> [opd] [jumlah]', example: '/undang pic bappeda 5', audience: ['admin'] },
  { name: 'anggota', description: 'Kelola anggota: tambah atau cabut peran, pindah OPD PIC, keluarkan (admin)', usage: '/anggota', example: '/anggota', audience: ['admin'] },
  { name: 'hubungkan', description: 'Hubungkan grup ini ke workspace (admin)', usage: '/hubungkan [opd]', example: '/hubungkan', audience: ['admin'] },
];

export function findCommand(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

export function allows(audience: Audience, roles: readonly Role[], isMember: boolean): boolean {
  if (audience === 'anyone') return true;
  if (audience === 'member') return isMember;
  return roles.some((r) => audience.includes(r));
}
