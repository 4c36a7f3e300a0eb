// Software bills of materials: CycloneDX JSON (components, nested; name, supplier
// or publisher or author, purl) and SPDX JSON (packages; name, supplier or
// originator, a purl in externalRefs).

import { idsFromPurl } from '../identifiers';
import { cleanField, inputError, type InputError, type InventoryRow, type ReadResult } from '../row';
import { isObject, lineLocator } from './json-text';

export function isCycloneDx(v: unknown): boolean {
  return isObject(v) && (v.bomFormat === 'CycloneDX' || (typeof v.$schema === 'string' && /cyclonedx/i.test(v.$schema)));
}

export function isSpdx(v: unknown): boolean {
  return isObject(v) && typeof v.spdxVersion === 'string';
}

/** "Organization: Tencent (x@y)" → "Tencent". */
function spdxActor(v: unknown): string | undefined {
  const s = cleanField(v);
  if (!s || s === 'NOASSERTION') return undefined;
  return s.replace(/^(Organization|Person|Tool):\s*/i, '').replace(/\s*\([^)]*@[^)]*\)\s*$/, '') || undefined;
}

function purlRow(
  name: string | undefined,
  developer: string | undefined,
  purl: string | undefined,
  file: string,
  line: number,
  field: string,
): { row?: InventoryRow; error?: InputError } {
  const ids = purl ? idsFromPurl(purl) : [];
  if (!ids) return { error: inputError(file, line, field, `not a package URL: ${JSON.stringify(purl!.slice(0, 80))}`) };
  if (!name && ids.length === 0) return { error: inputError(file, line, 'name', 'empty: the component has no name and no store id') };
  return { row: { name, developer, ids, source: { file, line } } };
}

export function readCycloneDx(bom: Record<string, unknown>, text: string, file: string): ReadResult {
  const rows: InventoryRow[] = [];
  const errors: InputError[] = [];
  const locate = lineLocator(text);
  const walk = (list: unknown) => {
    if (!Array.isArray(list)) return;
    for (const c of list) {
      if (!isObject(c)) continue;
      const name = cleanField(c.name);
      const line = locate(name ?? cleanField(c.purl));
      const supplier = isObject(c.supplier) ? cleanField(c.supplier.name) : undefined;
      const r = purlRow(name, supplier ?? cleanField(c.publisher) ?? cleanField(c.author), cleanField(c.purl), file, line, 'purl');
      if (r.row) rows.push(r.row);
      if (r.error) errors.push(r.error);
      walk(c.components);
    }
  };
  if (isObject(bom.metadata) && isObject(bom.metadata.component)) walk([bom.metadata.component]);
  walk(bom.components);
  return { rows, errors };
}

export function readSpdx(doc: Record<string, unknown>, text: string, file: string): ReadResult {
  const rows: InventoryRow[] = [];
  const errors: InputError[] = [];
  const locate = lineLocator(text);
  for (const p of Array.isArray(doc.packages) ? doc.packages : []) {
    if (!isObject(p)) continue;
    const name = cleanField(p.name);
    const line = locate(name);
    const refs = Array.isArray(p.externalRefs) ? p.externalRefs.filter(isObject) : [];
    const purl = cleanField(refs.find((r) => r.referenceType === 'purl')?.referenceLocator);
    const r = purlRow(name, spdxActor(p.supplier) ?? spdxActor(p.originator), purl, file, line, 'externalRefs.purl');
    if (r.row) rows.push(r.row);
    if (r.error) errors.push(r.error);
  }
  return { rows, errors };
}
