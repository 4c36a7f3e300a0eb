// Lists of installed software: `winget export` JSON, `adb shell pm list packages`
// output, and macOS `system_profiler SPApplicationsDataType -json`.

import { idsOfKind } from '../identifiers';
import { cleanField, inputError, type InputError, type InventoryRow, type ReadResult } from '../row';
import { isObject, lineLocator } from './json-text';

export function isWingetExport(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.Sources) && (typeof v.$schema !== 'string' || /winget/i.test(v.$schema));
}

export function readWingetExport(doc: Record<string, unknown>, text: string, file: string): ReadResult {
  const rows: InventoryRow[] = [];
  const errors: InputError[] = [];
  const locate = lineLocator(text);
  for (const source of doc.Sources as unknown[]) {
    if (!isObject(source)) continue;
    // Packages from the msstore source carry Microsoft Store product ids.
    const store = isObject(source.SourceDetails) && /msstore/i.test(String(source.SourceDetails.Name ?? source.SourceDetails.Identifier ?? ''));
    locate('Packages'); // this source's list: an entry without an id is then found by its opening brace
    for (const p of Array.isArray(source.Packages) ? source.Packages : []) {
      if (!isObject(p)) continue;
      const id = cleanField(p.PackageIdentifier);
      const line = id ? locate(id) : locate.after('{');
      if (!id) {
        errors.push(inputError(file, line, 'PackageIdentifier', 'missing'));
        continue;
      }
      rows.push({ ids: idsOfKind(store ? 'microsoft-store' : 'winget', id), source: { file, line } });
    }
  }
  return { rows, errors };
}

const ADB_LINE = /^package:(?:(.*\.apk)=)?([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)(?:\s+(?:uid|installer)[:=]\S+)*\s*$/;

export function looksLikeAdb(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return first.startsWith('package:');
}

/** `pm list packages [-f] [-i] [-U]`: one "package:<name>" per line. */
export function readAdbPackages(text: string, file: string): ReadResult {
  const rows: InventoryRow[] = [];
  const errors: InputError[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const m = ADB_LINE.exec(line);
    if (!m) errors.push(inputError(file, i + 1, 'package', `not a "package:<name>" line: ${JSON.stringify(line.slice(0, 80))}`));
    else rows.push({ ids: [{ platform: 'google-play', value: m[2]! }], source: { file, line: i + 1 } });
  });
  return { rows, errors };
}

export function isSystemProfiler(v: unknown): boolean {
  return isObject(v) && Array.isArray(v.SPApplicationsDataType);
}

/** "Developer ID Application: Tencent Technology (Shanghai) Co., Ltd (5A4RE8SF68)" → the company. */
function signer(signedBy: unknown): string | undefined {
  const first = Array.isArray(signedBy) ? cleanField(signedBy[0]) : undefined;
  const m = first ? /^(?:Developer ID Application|Apple Development|Apple Distribution|3rd Party Mac Developer Application):\s*(.+?)(?:\s*\([A-Z0-9]{10}\))?$/.exec(first) : null;
  return m?.[1];
}

export function readSystemProfiler(doc: Record<string, unknown>, text: string, file: string): ReadResult {
  const rows: InventoryRow[] = [];
  const errors: InputError[] = [];
  const locate = lineLocator(text);
  locate('SPApplicationsDataType'); // the list: an entry without a name is then found by its opening brace
  for (const app of doc.SPApplicationsDataType as unknown[]) {
    if (!isObject(app)) continue;
    const name = cleanField(app._name);
    const line = name ? locate(name) : locate.after('{');
    if (!name) {
      errors.push(inputError(file, line, '_name', 'missing'));
      continue;
    }
    const bundle = cleanField(app.bundle_identifier) ?? cleanField(app.CFBundleIdentifier);
    rows.push({ name: name.replace(/\.app$/, ''), developer: signer(app.signed_by), ids: bundle ? [{ platform: 'apple-bundle', value: bundle }] : [], source: { file, line } });
  }
  return { rows, errors };
}
