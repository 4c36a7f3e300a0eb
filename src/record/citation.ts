// Citations of a finding, or of one measure for a finding, in plain text and
// Markdown: the app, its developer, its store address, the measure and its
// citation, the status on the stated date (and whether that date was chosen), the
// sentence verbatim, the primary source, when it was checked and the data version.
// Built from a PageRecord only, so what is copied says what the report says.

import type { PageRecord, RecordFinding, RecordLine, RecordMeasure } from './page-record';

export type CitationFormat = 'plain' | 'markdown';

/** "2021-02-01 (chosen date)" or "2026-12-02 (the day checked)". */
export function statusDateLabel(r: Pick<PageRecord, 'statusesAsOf'>): string {
  return `${r.statusesAsOf.date} (${r.statusesAsOf.chosen ? 'chosen date' : 'the day checked'})`;
}

const mdEscape = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

function primarySource(m: RecordMeasure) {
  return m.sources.find((s) => s.kind === 'primary' && s.href) ?? m.sources.find((s) => s.href);
}

function measureBlock(r: PageRecord, line: RecordLine, format: CitationFormat): string[] {
  const m = r.measures.find((x) => x.id === line.measureId);
  if (!m) return [];
  const src = primarySource(m);
  const srcLabel = src?.kind === 'primary' ? 'Primary source' : 'Source (secondary; no primary link recorded)';
  if (format === 'plain') {
    return [
      `Measure: ${m.heading}${m.citation ? `, ${m.citation}` : ''} (${m.jurisdiction})`,
      `Status as of ${statusDateLabel(r)}: ${line.status.text}`,
      `Binds: ${m.binds}`,
      `"${line.sentence}"`,
      ...(src ? [`${srcLabel}: ${src.href}`] : []),
    ];
  }
  return [
    `- **Measure:** ${mdEscape(m.heading)}${m.citation ? `, ${mdEscape(m.citation)}` : ''} (${mdEscape(m.jurisdiction)})`,
    `- **Status as of ${statusDateLabel(r)}:** ${mdEscape(line.status.text)}`,
    `- **Binds:** ${mdEscape(m.binds)}`,
    `- **Sentence:** “${mdEscape(line.sentence)}”`,
    ...(src ? [`- **${srcLabel}:** <${src.href}>`] : []),
  ];
}

function header(r: PageRecord, f: RecordFinding, format: CitationFormat): string[] {
  const dev = f.developer ?? '(developer not shown)';
  const name = f.name ?? f.subject;
  if (format === 'plain') return [`App: ${name}`, `Developer: ${dev}`, `Store URL: ${f.storeUrl}`];
  return [`**${mdEscape(name)}** — ${mdEscape(dev)}`, `<${f.storeUrl}>`];
}

function footer(r: PageRecord, format: CitationFormat): string {
  const text = `Checked ${r.checkedAt} with ${r.extension.name} ${r.extension.version}; data version ${r.dataAsOf}; statuses as of ${statusDateLabel(r)}.`;
  return format === 'plain' ? text : `_${mdEscape(text)}_`;
}

/** A finding with every measure that reaches it. */
export function findingCitation(r: PageRecord, f: RecordFinding, format: CitationFormat): string {
  const blocks = f.lines.map((l) => measureBlock(r, l, format).join('\n'));
  return [header(r, f, format).join('\n'), ...blocks, footer(r, format)].join('\n\n') + '\n';
}

/** A finding with one measure. */
export function measureCitation(r: PageRecord, f: RecordFinding, measureId: string, format: CitationFormat): string {
  const line = f.lines.find((l) => l.measureId === measureId);
  if (!line) throw new Error(`measure ${measureId} does not reach ${f.entityId}`);
  return [header(r, f, format).join('\n'), measureBlock(r, line, format).join('\n'), footer(r, format)].join('\n\n') + '\n';
}
