// Vite plugin: validates the dataset and compiles it into `virtual:covered-index`
// at build time. A bad entry fails the build with a message naming entry and field.

import type { Plugin } from 'vite';
import { dataset } from '../src/data/dataset';
import { validateDataset } from '../src/data/validate';
import { compileIndex } from '../src/match/compile';

const ID = 'virtual:covered-index';
const RESOLVED = '\0' + ID;

export function compiledIndexSource(): string {
  const result = validateDataset(dataset);
  if (!result.ok) {
    throw new Error(`Dataset is invalid (${result.errors.length} problems):\n  ${result.errors.slice(0, 30).join('\n  ')}`);
  }
  return `export default ${JSON.stringify(compileIndex(result.dataset))};`;
}

export function coveredIndex(): Plugin {
  return {
    name: 'covered-apps:index',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    load(id) {
      return id === RESOLVED ? compiledIndexSource() : undefined;
    },
  };
}
