// Errors and rows of JSON inventories name the line they are written on, an entry
// without its identifying value included (src/inventory/formats/json-text.ts lineLocator).
import { describe, expect, it } from 'vitest';
import { readInventory } from '../../src/inventory/read';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('JSON inventories: an entry without its id or name is reported at its own line', () => {
  it('winget export: a package without PackageIdentifier, first in its list or after another', () => {
    const text = JSON.stringify(
      { $schema: 'https://aka.ms/winget-packages.schema.2.0.json', Sources: [{ Packages: [{ Version: 'first' }, { PackageIdentifier: 'Tencent.WeChat' }, { Version: 'third' }], SourceDetails: { Name: 'winget' } }] },
      null,
      2,
    );
    const r = readInventory(text, 'export.json');
    expect(r.format).toBe('winget');
    expect(r.errors.map((e) => e.line)).toEqual([lineOf(text, '"first"') - 1, lineOf(text, '"third"') - 1]);
    expect(r.rows.map((row) => row.source.line)).toEqual([lineOf(text, 'Tencent.WeChat')]);
  });

  it('system_profiler: an application without _name', () => {
    const text = JSON.stringify({ SPApplicationsDataType: [{ _name: 'WeChat', bundle_identifier: 'com.tencent.xinWeChat' }, { version: 'nameless' }] }, null, 2);
    const r = readInventory(text, 'apps.json');
    expect(r.format).toBe('system-profiler');
    expect(r.errors.map((e) => [e.field, e.line])).toEqual([['_name', lineOf(text, '"nameless"') - 1]]);
    expect(r.rows.map((row) => row.source.line)).toEqual([lineOf(text, '"WeChat"')]);
  });
});
