/**
 * Batch screening of a CRM export: every row through the screener, one result line per deal, and
 * the results table as CSV. Pure apart from the injected screen function.
 */
import Papa from 'papaparse';
import type { DealContext, Finding, RiskLevel, ScreenResult } from '../model';
import type { ExportParse } from './crm-export';

export interface BatchRow {
  /** Line of the export the deal came from. */
  line: number;
  recordId?: string;
  title?: string;
  customer?: string;
  countries: string[];
  risk: RiskLevel;
  reasons: string[];
  findings: Pick<Finding, 'kind' | 'severity' | 'title' | 'match'>[];
  error?: string;
}

const ORDER: Record<RiskLevel, number> = { high: 3, medium: 2, low: 1, none: 0 };

/** Screen each row; yields to the page every `chunk` rows so a progress bar can move. */
export async function screenRows(
  rows: ExportParse['rows'],
  screen: (context: DealContext) => ScreenResult,
  opts: {
    chunk?: number;
    onProgress?: (done: number, total: number) => void;
    pause?: () => Promise<void>;
  } = {},
): Promise<BatchRow[]> {
  const chunk = opts.chunk ?? 25;
  const pause = opts.pause ?? (() => new Promise<void>((ok) => setTimeout(ok, 0)));
  const out: BatchRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const { line, context } = rows[i]!;
    const base = { line, recordId: context.recordId, title: context.title, customer: context.customer };
    try {
      const r = screen(context);
      out.push({
        ...base,
        countries: [...new Set(r.context.countries.map((c) => c.code))],
        risk: r.risk.level,
        reasons: r.risk.reasons,
        findings: r.findings.map((f) => ({
          kind: f.kind,
          severity: f.severity,
          title: f.title,
          match: f.match,
        })),
      });
    } catch (error) {
      out.push({ ...base, countries: [], risk: 'none', reasons: [], findings: [], error: String(error) });
    }
    if ((i + 1) % chunk === 0) {
      opts.onProgress?.(i + 1, rows.length);
      await pause();
    }
  }
  opts.onProgress?.(rows.length, rows.length);
  return out;
}

/** Highest risk first, then by line. */
export function sortByRisk(rows: readonly BatchRow[]): BatchRow[] {
  return [...rows].sort((a, b) => ORDER[b.risk] - ORDER[a.risk] || a.line - b.line);
}

export const BATCH_CSV_COLUMNS = [
  'line',
  'record_id',
  'deal',
  'customer',
  'countries',
  'risk',
  'high',
  'medium',
  'findings',
  'matched_entries',
  'error',
] as const;

export function batchCsv(rows: readonly BatchRow[]): string {
  const data = rows.map((r) => [
    String(r.line),
    r.recordId ?? '',
    r.title ?? '',
    r.customer ?? '',
    r.countries.join('; '),
    r.risk,
    String(r.findings.filter((f) => f.severity === 'high').length),
    String(r.findings.filter((f) => f.severity === 'medium').length),
    r.findings.map((f) => `[${f.severity}] ${f.title}`).join(' | '),
    r.findings
      .filter((f) => f.match)
      .map((f) => `${f.match!.name} (${f.match!.listName ?? f.match!.listId}, ${f.match!.score.toFixed(2)})`)
      .join(' | '),
    r.error ?? '',
  ]);
  // escapeFormulae: a CRM value like "=HYPERLINK(...)" must not run when the CSV is opened.
  return `${Papa.unparse({ fields: [...BATCH_CSV_COLUMNS], data }, { escapeFormulae: true, newline: '\r\n' })}\r\n`;
}
