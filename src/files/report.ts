// The whole leadership report from one model: the four charts, the PDF summary that embeds them
// and the workbook. The bot and the CLI both build it here, so both hand out the same files.
import { renderReportCharts } from '../charts/report-charts.ts';
import type { ReportModel } from '../domain/report.ts';
import { buildReportPdf } from './report-pdf.ts';
import type { ReportChartImages } from './report-pdf.ts';
import { buildReportXlsx } from './report-workbook.ts';

export interface ReportFiles {
  charts: ReportChartImages;
  pdf: Buffer;
  xlsx: Buffer;
}

export type ReportFormat = 'xlsx' | 'pdf';

/** "laporan-spbe-2024-paser.pdf": framework, year and workspace, so several downloads never collide. */
export function reportFileName(model: ReportModel, slug: string, format: ReportFormat): string {
  const framework = model.framework.code.split('-')[0] ?? 'indeks';
  const safe = slug.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'workspace';
  return `laporan-${framework}-${model.year}-${safe}.${format}`;
}

export async function buildReportFiles(model: ReportModel): Promise<ReportFiles> {
  const charts = await renderReportCharts(model);
  const [pdf, xlsx] = await Promise.all([buildReportPdf(model, charts), buildReportXlsx(model)]);
  return { charts, pdf, xlsx };
}
