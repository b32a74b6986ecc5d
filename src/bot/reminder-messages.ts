// Reminder messages in Indonesian, from the data the jobs layer read at sending time. A group
// never sees a person's name (counts only); buttons open the item or snooze the reminder.
import { Markup } from 'telegraf';
import type { InlineKeyboardMarkup } from 'telegraf/types';
import { progressBar, STATUS_LABELS } from '../domain/checklists.ts';
import { daysLeftText, formatDateId, parseIsoDate } from '../domain/dates.ts';
import type { ReminderItem, ReminderMessage, StatusCounts, UnreachablePic } from '../domain/reminder-messages.ts';
import { zoneLabel } from '../domain/time-zones.ts';
import type { Html } from './html.ts';
import { html, joinHtml, raw } from './html.ts';

export interface RenderedReminder {
  html: Html;
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

function itemLine(item: ReminderItem, today: string, withAssignee = false): Html {
  const indicator = item.indicatorNo === null ? '' : ` · indikator ${item.indicatorNo}`;
  const who = withAssignee ? ` · ${item.assigneeName ?? 'belum ditugaskan'}` : '';
  const due = item.dueDate ? ` · ${dateText(item.dueDate)} (${left(today, item.dueDate)})` : '';
  return html`• <b>${item.title}</b> — ${item.opdName}${indicator} · ${STATUS_LABELS[item.status]}${who}${due}`;
}

function countsLines(c: StatusCounts): Html[] {
  const open = c.total - c.selesai;
  return [
    html`${progressBar(c.selesai, c.total)} — ${c.selesai} dari ${c.total} butir selesai`,
    html`Belum ${c.belum} · dikerjakan ${c.proses} · revisi ${c.revisi} · menunggu verifikasi ${c.diajukan}`,
    ...(c.overdue > 0 ? [html`⚠️ Terlambat: ${c.overdue} butir`] : []),
    ...(open === 0 && c.total > 0 ? [html`🎉 Semua butir selesai.`] : []),
  ];
}

const snoozeRow = (id: number) => [Markup.button.callback('⏰ Tunda 1 hari', snoozeData(id, 1)), Markup.button.callback('⏰ Tunda 3 hari', snoozeData(id, 3))];
const openButtons = (items: ReminderItem[]) => items.slice(0, 6).map((i) => Markup.button.callback(`📋 #${i.id}`, `it:${i.id}`));
const blank = html``;

function more(n: number): Html[] {
  return n > 0 ? [html`… dan ${n} butir lainnya (lihat /tugas).`] : [];
}

export function renderReminder(m: ReminderMessage): RenderedReminder {
  switch (m.kind) {
    case 'stage-group': {
      const time = m.dueTime ? ` pukul ${m.dueTime.replace(':', '.')} ${zoneLabel(m.timeZone)}` : '';
      const lines = [
        html`⏰ <b>Pengingat ${m.stageLabel}</b>${m.opdName ? ` — ${m.opdName}` : ''}`,
        html`Batas waktu: ${dateText(m.dueDate)}${time} (<b>${left(m.today, m.dueDate)}</b>)`,
        blank,
        ...(m.counts.total > 0 ? countsLines(m.counts) : [html`Belum ada butir ceklis untuk tahap ini.`]),
        blank,
        html`Rincian per OPD: /progres · tugas Anda: /tugas`,
        ...unreachableLines(m.unreachable, m.botUsername),
      ];
      return { html: joinHtml(lines), keyboard: Markup.inlineKeyboard([snoozeRow(m.deliveryId)]).reply_markup };
    }
    case 'stage-pic': {
      const lines = [
        html`⏰ <b>${m.stageLabel}</b> berakhir <b>${left(m.today, m.dueDate)}</b> (${dateText(m.dueDate)}).`,
        html`Butir yang masih menunggu Anda (${m.items.length + m.more}):`,
        ...m.items.map((i) => itemLine(i, m.today)),
        ...more(m.more),
      ];
      return { html: joinHtml(lines), keyboard: Markup.inlineKeyboard([openButtons(m.items), snoozeRow(m.deliveryId)]).reply_markup };
    }
    case 'item-due':
    case 'item-overdue': {
      const title = m.kind === 'item-due'
        ? html`⏰ <b>Tenggat butir ceklis ${left(m.today, m.item.dueDate)}</b>`
        : html`⚠️ <b>Butir ceklis melewati tenggat</b> (${left(m.today, m.item.dueDate)})`;
      const lines = [title, itemLine(m.item, m.today), blank, html`Lampirkan bukti dukung lewat tombol di bawah, lalu ajukan.`];
      return {
        html: joinHtml(lines),
        keyboard: Markup.inlineKeyboard([[Markup.button.callback('📋 Buka butir', `it:${m.item.id}`)], snoozeRow(m.deliveryId)]).reply_markup,
      };
    }
    case 'overdue-coord': {
      const lines = [
        html`⚠️ <b>${m.items.length + m.more} butir ceklis melewati tenggat</b> — ${m.workspaceName}`,
        ...m.items.map((i) => itemLine(i, m.today, true)),
        ...more(m.more),
        blank,
        html`Daftar lengkap: /progres`,
      ];
      return { html: joinHtml(lines), keyboard: Markup.inlineKeyboard([openButtons(m.items)]).reply_markup };
    }
    case 'digest-group': {
      const next = m.nextStage;
      const lines = [
        html`🗓 <b>Ringkasan mingguan</b> — ${m.opdName ?? m.workspaceName}`,
        ...countsLines(m.counts),
        ...(next ? [blank, html`Tahap berikutnya: <b>${next.label}</b>, ${dateText(next.dueDate)} (${left(m.today, next.dueDate)})`] : []),
        blank,
        html`Rincian: /progres · tugas Anda: /tugas`,
        ...unreachableLines(m.unreachable, m.botUsername),
      ];
      return { html: joinHtml(lines), keyboard: undefined };
    }
    case 'digest-private': {
      const lines = [
        html`🗓 <b>Ringkasan mingguan Anda</b> — ${m.workspaceName}`,
        html`${m.items.length + m.more} butir menunggu Anda${m.overdue > 0 ? `, ${m.overdue} di antaranya terlambat` : ''}:`,
        ...m.items.map((i) => itemLine(i, m.today)),
        ...more(m.more),
      ];
      return { html: joinHtml(lines), keyboard: Markup.inlineKeyboard([openButtons(m.items)]).reply_markup };
    }
    case 'unreachable': {
      const open = m.botUsername ? `https://t.me/${m.botUsername}` : 'chat pribadi dengan bot';
      const text = m.subjectKind === 'group'
        ? html`⚠️ Bot tidak lagi dapat mengirim pesan ke grup <b>${m.subject}</b> (bot dikeluarkan atau grup dihapus). Pengingat untuk grup itu dihentikan.
Tambahkan bot ke grup itu lagi, lalu kirim /hubungkan di sana.`
        : html`⚠️ <b>${m.subject}</b> memblokir bot atau akunnya tidak aktif, jadi pengingat pribadinya tidak terkirim.
Minta ${m.subject} membuka ${open} lalu menekan <b>Mulai</b>.`;
      return { html: text, keyboard: undefined };
    }
    case 'missed': {
      const lines = [
        html`🕘 <b>Pengingat yang terlewat</b>`,
        html`Bot tidak aktif saat pengingat berikut jatuh tempo, dan batas waktunya sudah lewat:`,
        ...m.entries.map((x) => html`• ${x.what === 'item' ? 'Butir ' : ''}<b>${x.label}</b> — batas ${dateText(x.dueDate)} (${left(m.today, x.dueDate)})`),
        blank,
        html`Lihat /tahapan dan /progres untuk keadaan sekarang.`,
      ];
      return { html: joinHtml(lines), keyboard: undefined };
    }
  }
}

/**
 * PICs the bot cannot write to privately (never started it, or blocked it), named once a day in
 * a group: "2 pengingat tidak terkirim: Budi (PIC Bappeda) belum memulai chat dengan bot", with
 * the link that starts it.
 */
function unreachableLines(people: readonly UnreachablePic[], botUsername: string | null): Html[] {
  if (people.length === 0) return [];
  const ask = html`Pengingat pribadi hanya sampai kepada yang sudah membuka chat dengan bot.`;
  return [
    blank,
    html`⚠️ <b>${people.length} pengingat pribadi tidak terkirim:</b>`,
    ...people.map((p) => html`• ${p.name} (PIC ${p.opdName}) belum memulai chat dengan bot`),
    botUsername ? html`${raw(ask)} Minta mereka membuka https://t.me/${botUsername}?start lalu menekan Mulai.` : ask,
  ];
}
