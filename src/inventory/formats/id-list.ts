// A plain list, one store URL, package URL or id per line ("#" starts a comment).

import { idsFromValue } from '../identifiers';
import { inputError, type InputError, type InventoryRow, type ReadResult } from '../row';

export function readIdList(text: string, file: string): ReadResult {
  const rows: InventoryRow[] = [];
  const errors: InputError[] = [];
  text.replace(/^\uFEFF/, '').split(/\r?\n/).forEach((raw, i) => {
    const value = raw.replace(/\s+#.*$/, '').trim();
    if (!value || value.startsWith('#')) return;
    const ids = idsFromValue(value);
    if (ids.length === 0) errors.push(inputError(file, i + 1, 'id', `not a store URL, package URL or store id: ${JSON.stringify(value.slice(0, 80))}`));
    else rows.push({ ids, source: { file, line: i + 1 } });
  });
  return { rows, errors };
}
