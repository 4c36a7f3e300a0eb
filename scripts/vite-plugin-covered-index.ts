// Vite plugin: validates the dataset and compiles it into `virtual:covered-index`
// at build time. A bad entry fails the build with a message naming entry and field.

import type { Plugin } from 'vite';
import { isDeepStrictEqual } from 'node:util';
import { dataset } from '../src/data/dataset';
import { validateDataset } from '../src/data/validate';
import { compileIndex, toMatchIndex, type CompiledIndex } from '../src/match/compile';
import { packMatchIndex, unpackMatchIndex } from '../src/match/pack';

// virtual:covered-index: the whole compiled index (background, popup, options).
// virtual:covered-match-index: only the matching tables, packed (content scripts).
const MODULES: Record<string, (ix: CompiledIndex) => unknown> = {
  'virtual:covered-index': (ix) => ix,
  'virtual:covered-match-index': packedMatchIndex,
};

/** The content scripts' index, packed; fails the build if unpacking would not give it back exactly. */
function packedMatchIndex(ix: CompiledIndex): unknown {
  const tables = JSON.parse(JSON.stringify(toMatchIndex(ix)));
  const packed = JSON.parse(JSON.stringify(packMatchIndex(tables)));
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(unpackMatchIndex(packed))), tables)) {
    throw new Error('packMatchIndex: the packed match index does not unpack to the same tables');
  }
  return packed;
}

let compiled: CompiledIndex | undefined;

function compiledIndex(): CompiledIndex {
  if (compiled) return compiled;
  const result = validateDataset(dataset);
  if (!result.ok) {
    throw new Error(`Dataset is invalid (${result.errors.length} problems):\n  ${result.errors.slice(0, 30).join('\n  ')}`);
  }
  return (compiled = compileIndex(result.dataset));
}

/** Emitted as JSON.parse of a string literal: engines parse JSON faster than object literals. */
export function compiledIndexSource(id: string): string {
  const json = JSON.stringify(MODULES[id]!(compiledIndex()));
  return `export default JSON.parse(${JSON.stringify(json)});`;
}

export function coveredIndex(): Plugin {
  return {
    name: 'covered-apps:index',
    resolveId(id) {
      return id in MODULES ? '\0' + id : undefined;
    },
    load(id) {
      return id.startsWith('\0') && id.slice(1) in MODULES ? compiledIndexSource(id.slice(1)) : undefined;
    },
  };
}
