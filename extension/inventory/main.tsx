// The inventory check page: paste or drop a file (CSV/TSV, CycloneDX or SPDX SBOM,
// winget export, adb package list, system_profiler JSON, a list of store links or
// ids), see a table of rows with verdict, app, developer, tier, evidence and
// measures, filter it, and export CSV, JSON or a printable report. The reading,
// checking and export writers are the command line's (src/inventory), so both
// give the same rows (tests/e2e/chromium-inventory.e2e.mjs).
import { render } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { dataset } from '../../src/data/dataset';
import { localISODay } from '../../src/data/status';
import { countRow, createChecker, emptySummary, type CheckedRow, type CheckSummary, type Verdict } from '../../src/inventory/check';
import { FORMATS, readInventory, type InventoryFormat } from '../../src/inventory/read';
import { formatInputError, type InputError } from '../../src/inventory/row';
import { appText, createWriter, developerText, type OutputFormat } from '../../src/inventory/write';
import { translator, uiDirection } from '../shared/i18n';
import { saveFile } from '../shared/save-file';

const t = translator(browser.i18n);
document.documentElement.dir = uiDirection(browser.i18n);
document.documentElement.lang = browser.i18n.getUILanguage();
document.title = t('inventory_title');

/** Saved pages need an HTML parser: the command line reads them. */
const PAGE_FORMATS = FORMATS.filter((f) => f !== 'html');
const VERDICTS: Verdict[] = ['restricts', 'not-in-force', 'related', 'possible', 'weak', 'clear'];

interface Result {
  file: string;
  format?: InventoryFormat;
  date: string;
  asOf: string;
  rows: CheckedRow[];
  errors: InputError[];
  summary: CheckSummary;
}

function checkText(text: string, file: string, format: InventoryFormat | undefined, date: string): Result {
  const checker = createChecker(dataset, date);
  const read = readInventory(text, file, { format });
  const summary = emptySummary();
  const rows = read.rows.map((r) => checker.check(r));
  for (const r of rows) countRow(summary, r);
  return { file, format: read.format, date: checker.date, asOf: checker.asOf, rows, errors: read.errors, summary };
}

/** The export, written by the command line's writer for that format. */
function exportText(result: Result, output: OutputFormat): string {
  const w = createWriter(output);
  return w.begin({ asOf: result.asOf, date: result.date }) + result.rows.map((r) => w.row(r)).join('') + w.end(result.summary, result.errors, [{ file: result.file, format: result.format, rows: result.rows.length }]);
}


function matchesFilter(r: CheckedRow, text: string, verdict: string): boolean {
  if (verdict === 'flagged' ? !r.flagged : verdict !== 'all' && r.verdict !== verdict) return false;
  if (!text) return true;
  const q = text.toLowerCase();
  return [r.name, r.developer, r.entity?.name, r.entity?.developer, ...r.ids].some((s) => s?.toLowerCase().includes(q));
}

function Inventory() {
  const [text, setText] = useState('');
  const [file, setFile] = useState('pasted');
  const [format, setFormat] = useState<InventoryFormat | ''>('');
  const [date, setDate] = useState(localISODay(new Date()));
  const [over, setOver] = useState(false);
  const [result, setResult] = useState<Result | undefined>();
  const [filterText, setFilterText] = useState('');
  const [filterVerdict, setFilterVerdict] = useState('all');

  const load = async (f: File | undefined) => {
    if (!f) return;
    setFile(f.name);
    setText(await f.text());
  };
  const run = () => setResult(checkText(text, file, format || undefined, date || localISODay(new Date())));
  const shown = useMemo(() => result?.rows.filter((r) => matchesFilter(r, filterText, filterVerdict)) ?? [], [result, filterText, filterVerdict]);

  return (
    <main>
      <h1>{t('inventory_title')}</h1>
      <p class="muted no-print">{t('inventory_intro')}</p>
      <section class="no-print" aria-labelledby="input-title">
        <h2 id="input-title">{t('inventory_input')}</h2>
        <div
          class={over ? 'drop over' : 'drop'}
          onDragOver={(e) => {
            e.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(e) => {
            e.preventDefault();
            setOver(false);
            void load(e.dataTransfer?.files[0]);
          }}
        >
          <label for="inventory-text">{t('inventory_paste')}</label>
          <textarea
            id="inventory-text"
            value={text}
            spellcheck={false}
            onInput={(e) => {
              setText((e.currentTarget as HTMLTextAreaElement).value);
              setFile('pasted');
            }}
          />
          <div class="controls">
            <label>
              {t('inventory_file')} <input id="inventory-file" type="file" onChange={(e) => void load((e.currentTarget as HTMLInputElement).files?.[0])} />
            </label>
            <label>
              {t('inventory_format')}{' '}
              <select id="inventory-format" value={format} onChange={(e) => setFormat((e.currentTarget as HTMLSelectElement).value as InventoryFormat | '')}>
                <option value="">{t('inventory_format_auto')}</option>
                {PAGE_FORMATS.map((f) => (
                  <option key={f} value={f}>
                    {f}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('inventory_as_of')} <input id="inventory-date" type="date" value={date} onInput={(e) => setDate((e.currentTarget as HTMLInputElement).value)} />
            </label>
            <button id="inventory-check" type="button" onClick={run} disabled={!text.trim()}>
              {t('inventory_check')}
            </button>
          </div>
          <p class="muted">{t('inventory_file_hint', file)}</p>
        </div>
      </section>
      {result ? <Results result={result} shown={shown} filterText={filterText} setFilterText={setFilterText} filterVerdict={filterVerdict} setFilterVerdict={setFilterVerdict} /> : null}
    </main>
  );
}

function Results(props: {
  result: Result;
  shown: CheckedRow[];
  filterText: string;
  setFilterText: (s: string) => void;
  filterVerdict: string;
  setFilterVerdict: (s: string) => void;
}) {
  const { result, shown } = props;
  const s = result.summary;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('inventory_results')}</h2>
      <p id="inventory-summary" role="status">
        {t('inventory_summary', [s.rows, s.flagged, s.byVerdict.restricts, s.byVerdict['not-in-force'], s.byVerdict.related, s.byVerdict.possible, result.date, result.asOf])}
      </p>
      {result.errors.length ? (
        <div class="errors" id="inventory-errors">
          <h3>{t('inventory_errors')}</h3>
          <ul>
            {result.errors.map((e) => (
              <li key={formatInputError(e)}>{formatInputError(e)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <div class="controls no-print">
        <label>
          {t('inventory_filter')} <input id="inventory-filter" type="search" value={props.filterText} onInput={(e) => props.setFilterText((e.currentTarget as HTMLInputElement).value)} />
        </label>
        <label>
          {t('inventory_show')}{' '}
          <select id="inventory-verdict" value={props.filterVerdict} onChange={(e) => props.setFilterVerdict((e.currentTarget as HTMLSelectElement).value)}>
            <option value="all">{t('inventory_show_all')}</option>
            <option value="flagged">{t('inventory_show_flagged')}</option>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`inventory_verdict_${v.replace(/-/g, '_')}`)}
              </option>
            ))}
          </select>
        </label>
        <button id="export-csv" type="button" onClick={() => saveFile('covered-apps-inventory.csv', exportText(result, 'csv'), 'text/csv')}>
          {t('inventory_export_csv')}
        </button>
        <button id="export-json" type="button" onClick={() => saveFile('covered-apps-inventory.json', exportText(result, 'json'), 'application/json')}>
          {t('inventory_export_json')}
        </button>
        <button id="export-print" type="button" onClick={() => window.print()}>
          {t('inventory_print')}
        </button>
      </div>
      <table id="inventory-table">
        <caption class="muted">{t('inventory_caption', [shown.length, result.rows.length])}</caption>
        <thead>
          <tr>
            {['where', 'verdict', 'app', 'developer', 'tier', 'evidence', 'measures'].map((h) => (
              <th key={h} scope="col">
                {t(`inventory_col_${h}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={`${r.source.file}:${r.source.line}:${r.ids.join(' ')}:${r.name ?? ''}`} class={r.verdict} data-line={r.source.line}>
              <td>{`${r.source.file}:${r.source.line}`}</td>
              <td>{t(`inventory_verdict_${r.verdict.replace(/-/g, '_')}`)}</td>
              <td>{appText(r)}</td>
              <td>{developerText(r)}</td>
              <td>{r.tier ?? ''}</td>
              <td>
                <ul>
                  {r.evidence.map((e) => (
                    <li key={e}>{e}</li>
                  ))}
                </ul>
              </td>
              <td>
                <MeasureList measures={r.measures} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Each measure's title and status (its sentence on hover); past the first three, behind a disclosure. */
function MeasureList({ measures }: { measures: CheckedRow['measures'] }) {
  const item = (m: CheckedRow['measures'][number]) => (
    <li key={m.id} class={m.effect} title={m.sentence}>
      {m.title}: {m.status}
    </li>
  );
  if (measures.length <= 3) return <ul>{measures.map(item)}</ul>;
  return (
    <>
      <ul>{measures.slice(0, 3).map(item)}</ul>
      <details>
        <summary>{t('inventory_more_measures', measures.length - 3)}</summary>
        <ul>{measures.slice(3).map(item)}</ul>
      </details>
    </>
  );
}

render(<Inventory />, document.getElementById('app')!);
