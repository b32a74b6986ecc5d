// Reminder messages in Indonesian, from the data the jobs layer read at sending time. A group
// never sees a person's name (counts only); buttons open the item or snooze the reminder.
import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { progressBar, STATUS_LABELS } from '../domain/checklists.ts';
import { daysLeftText, formatDateId, parseIsoDate } from '../domain/dates.ts';
import type { ReminderItem, ReminderMessage, StatusCounts } from '../domain/reminder-messages.ts';
import { zoneLabel } from '../domain/time-zones.ts';
import { escapeHtml as e } from './html.ts';

export interface RenderedReminder {
  html: string;
  keyboard: InlineKeyboardMarkup | undefined;
}

/** Callback data of a snooze button: `tz:<deliveryId>:<days>` (the id is re-checked on press). */
export const snoozeData = (deliveryId: number, days: number) => `tz:${deliveryId}:${days}`;

function dateText(iso: string | null): string {
  const d = iso ? parseIsoDate(iso) : null;
  return d ? formatDateId(d) : 'tanpa tenggat';
}

function left(today: string, iso: string | null): string {
  const t = parseIsoDate(today);
  const d = iso ? parseIsoDate(iso) : null;
  return t && d ? daysLeftText(t, d) : '';
}

function itemLine(item: ReminderItem, today: string, withAssignee = false): string {
  const indicator = item.indicatorNo === null ? '' : ` · indikator ${item.indicatorNo}`;
  const who = withAssignee ? ` · ${item.assigneeName ? e(item.assigneeName) : 'belum ditugaskan'}` : '';
  const due = item.dueDate ? ` · ${dateText(item.dueDate)} (${left(today, item.dueDate)})` : '';
  return `• <b>${e(item.title)}</b> — ${e(item.opdName)}${indicator} · ${STATUS_LABELS[item.status]}${who}${due}`;
}

function countsLines(c: StatusCounts): string[] {
  const open = c.total - c.selesai;
  return [
    `${progressBar(c.selesai, c.total)} — ${c.selesai} dari ${c.total} butir selesai`,
    `Belum ${c.belum} · dikerjakan ${c.proses} · revisi ${c.revisi} · menunggu verifikasi ${c.diajukan}`,
    ...(c.overdue > 0 ? [`⚠️ Terlambat: ${c.overdue} butir`] : []),
    ...(open === 0 && c.total > 0 ? ['🎉 Semua butir selesai.'] : []),
  ];
}

const snoozeRow = (id: number) => [Markup.button.callback('⏰ Tunda 1 hari', snoozeData(id, 1)), Markup.button.callback('⏰ Tunda 3 hari', snoozeData(id, 3))];
const openButtons = (items: ReminderItem[]) => items.slice(0, 6).map((i) => Markup.button.callback(`📋 #${i.id}`, `it:${i.id}`));

function more(n: number): string[] {
  return n > 0 ? [`… dan ${n} butir lainnya (lihat /tugas).`] : [];
}

export function renderReminder(m: ReminderMessage): RenderedReminder {
  switch (m.kind) {
    case 'stage-group': {
      const time = m.dueTime ? ` pukul ${m.dueTime.replace(':', '.')} ${zoneLabel(m.timeZone)}` : '';
      const lines = [
        `⏰ <b>Pengingat ${e(m.stageLabel)}</b>${m.opdName ? ` — ${e(m.opdName)}` : ''}`,
        `Batas waktu: ${dateText(m.dueDate)}${time} (<b>${left(m.today, m.dueDate)}</b>)`,
        '',
        ...(m.counts.total > 0 ? countsLines(m.counts) : ['Belum ada butir ceklis untuk tahap ini.']),
        '',
        'Rincian per OPD: /progres · tugas Anda: /tugas',
      ];
      return { html: lines.join('\n'), keyboard: Markup.inlineKeyboard([snoozeRow(m.deliveryId)]).reply_markup };
    }
    case 'stage-pic': {
      const lines = [
        `⏰ <b>${e(m.stageLabel)}</b> berakhir <b>${left(m.today, m.dueDate)}</b> (${dateText(m.dueDate)}).`,
        `Butir yang masih menunggu Anda (${m.items.length + m.more}):`,
        ...m.items.map((i) => itemLine(i, m.today)),
        ...more(m.more),
      ];
      return { html: lines.join('\n'), keyboard: Markup.inlineKeyboard([openButtons(m.items), snoozeRow(m.deliveryId)]).reply_markup };
    }
    case 'item-due':
    case 'item-overdue': {
      const title = m.kind === 'item-due'
        ? `⏰ <b>Tenggat butir ceklis ${left(m.today, m.item.dueDate)}</b>`
        : `⚠️ <b>Butir ceklis melewati tenggat</b> (${left(m.today, m.item.dueDate)})`;
      const lines = [title, itemLine(m.item, m.today), '', 'Lampirkan bukti dukung lewat tombol di bawah, lalu ajukan.'];
      return {
        html: lines.join('\n'),
        keyboard: Markup.inlineKeyboard([[Markup.button.callback('📋 Buka butir', `it:${m.item.id}`)], snoozeRow(m.deliveryId)]).reply_markup,
      };
    }
    case 'overdue-coord': {
      const lines = [
        `⚠️ <b>${m.items.length + m.more} butir ceklis melewati tenggat</b> — ${e(m.workspaceName)}`,
        ...m.items.map((i) => itemLine(i, m.today, true)),
        ...more(m.more),
        '',
        'Daftar lengkap: /progres',
      ];
      return { html: lines.join('\n'), keyboard: Markup.inlineKeyboard([openButtons(m.items)]).reply_markup };
    }
    case 'digest-group': {
      const lines = [
        `🗓 <b>Ringkasan mingguan</b> — ${e(m.opdName ?? m.workspaceName)}`,
        ...countsLines(m.counts),
        ...(m.nextStage ? ['', `Tahap berikutnya: <b>${e(m.nextStage.label)}</b>, ${dateText(m.nextStage.dueDate)} (${left(m.today, m.nextStage.dueDate)})`] : []),
        '',
        'Rincian: /progres · tugas Anda: /tugas',
      ];
      return { html: lines.join('\n'), keyboard: undefined };
    }
    case 'digest-private': {
      const lines = [
        `🗓 <b>Ringkasan mingguan Anda</b> — ${e(m.workspaceName)}`,
        `${m.items.length + m.more} butir menunggu Anda${m.overdue > 0 ? `, ${m.overdue} di antaranya terlambat` : ''}:`,
        ...m.items.map((i) => itemLine(i, m.today)),
        ...more(m.more),
      ];
      return { html: lines.join('\n'), keyboard: Markup.inlineKeyboard([openButtons(m.items)]).reply_markup };
    }
    case 'unreachable': {
      const html = m.subjectKind === 'group'
        ? `⚠️ Bot tidak lagi dapat mengirim pesan ke grup <b>${e(m.subject)}</b> (bot dikeluarkan atau grup dihapus). Pengingat untuk grup itu dihentikan.\nTambahkan bot ke grup itu lagi, lalu kirim /hubungkan di sana.`
        : `⚠️ <b>${e(m.subject)}</b> memblokir bot atau akunnya tidak aktif, jadi pengingat pribadinya tidak terkirim.\nMinta ${e(m.subject)} membuka ${m.botUsername ? `https://t.me/${m.botUsername}` : 'chat pribadi dengan bot'} lalu menekan <b>Mulai</b>.`;
      return { html, keyboard: undefined };
    }
    case 'missed': {
      const lines = [
        '🕘 <b>Pengingat yang terlewat</b>',
        'Bot tidak aktif saat pengingat berikut jatuh tempo, dan batas waktunya sudah lewat:',
        ...m.entries.map((x) => `• ${x.what === 'item' ? 'Butir ' : ''}<b>${e(x.label)}</b> — batas ${dateText(x.dueDate)} (${left(m.today, x.dueDate)})`),
        '',
        'Lihat /tahapan dan /progres untuk keadaan sekarang.',
      ];
      return { html: lines.join('\n'), keyboard: undefined };
    }
  }
}
