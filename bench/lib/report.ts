import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export interface Table {
  title: string;
  /** What the numbers mean and how they were taken, in a sentence or two. */
  note?: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

/** The machine, Node version and date every result file starts with. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  const memory = `${Math.round(totalmem() / 2 ** 30)} GiB`;
  return `${cpus().length} × ${cpu}, ${memory} · Node ${process.version} · ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function markdownTable(table: Table): string {
  const lines = [`### ${table.title}`, ''];
  if (table.note) lines.push(table.note, '');
  lines.push(`| ${table.columns.join(' | ')} |`, `|${table.columns.map(() => '---').join('|')}|`);
  for (const row of table.rows) lines.push(`| ${row.join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

/** Writes `bench/results/<name>.md`: a heading, the machine line, then the tables. */
export function writeResults(file: URL, heading: string, tables: Table[], quick: boolean): void {
  const mode = quick ? ' (quick run: reduced sizes and durations)' : '';
  const body = [`## ${heading}`, '', `${machineLine()}${mode}`, '', ...tables.map(markdownTable)].join('\n');
  writeFileSync(file, body);
  console.log(body);
}
