// The strings of /pengingat, in Bahasa Indonesia, HTML parse mode. The workspace name comes from
// a user, so it goes through escapeHtml.
import { escapeHtml as e } from './html.ts';

export const reminderSettingsTexts = {
  groupTitle: (workspace: string) => `<b>Pengaturan pengingat grup ini</b>\nWorkspace: ${e(workspace)}`,
  privateTitle: (workspace: string) =>
    `<b>Pengaturan pengingat chat pribadi</b>\nWorkspace: ${e(workspace)}\n` +
    '<i>Berlaku untuk chat pribadi semua anggota workspace ini: PIC dan penerima tugas.</i>',
  status: (on: boolean) => `Status: ${on ? '🔔 <b>aktif</b>' : '🔕 <b>mati</b> (tidak ada pengingat yang dikirim)'}`,
  stageLine: (offsets: string) => `Pengingat tenggat tahapan: ${e(offsets)}`,
  itemLine: (offsets: string) => `Pengingat tenggat item: ${e(offsets)}`,
  hourLine: (time: string) => `Jam kirim: ${e(time)}`,
  groupDigestLine: (day: string | null) => `Ringkasan mingguan: ${day ? `setiap ${e(day)}` : 'mati'}`,
  privateDigestLine: (day: string | null) =>
    `Ringkasan pribadi mingguan: ${day ? `setiap ${e(day)} (hanya bagi yang masih punya item terbuka)` : 'mati'}`,
  quietLine: (from: string, to: string) => `Jam tenang: ${e(from)}–${e(to)} (tidak ada pengingat)`,
  workingDays: 'Sabtu, Minggu dan hari libur nasional: pengingat digeser ke pagi hari kerja berikutnya.',
  hint: 'Ubah dengan tombol di bawah: nyala/mati, hari pengingat (H-…), jam kirim, lalu hari ringkasan.',

  turnOff: '🔕 Matikan pengingat',
  turnOn: '🔔 Nyalakan pengingat',
  choice: (selected: boolean, label: string) => `${selected ? '✅' : '▫️'} ${label}`,
  digestOff: 'Mati',
  /** short day names for the digest buttons, ISO numbering (1 = Senin) */
  dayShort: ['', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min'] as readonly string[],
};
