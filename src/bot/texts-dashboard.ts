// The texts of /dasbor: opening the dashboard (Mini App) from a chat.
import { escapeHtml as e } from './html.ts';

export const dashboardChatTexts = {
  button: '📊 Dasbor',
  privateIntro: (workspace: string) =>
    `📊 <b>Dasbor ${e(workspace)}</b>: indeks per tahap, progres setiap OPD, tenggat dan yang terlambat, dalam satu layar. Tekan tombol di bawah.`,
  groupIntro: (workspace: string) =>
    `📊 <b>Dasbor ${e(workspace)}</b> dibuka di chat pribadi dengan bot (Telegram tidak mengizinkan tombol Mini App di grup). Tekan tombol di bawah.`,
  groupButton: '📊 Buka dasbor',
  notSetUp:
    'Dasbor belum diaktifkan di server bot ini. Admin server perlu mengisi DASHBOARD_URL dengan alamat https dasbor (lihat README, bagian Dasbor).',
} as const;
