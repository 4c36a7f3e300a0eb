import { expect, test } from 'vitest';
import { safeHref } from '../../extension/popup/source-links';

test('source links: web pages and repository files are clickable; nothing else is', () => {
  expect(safeHref('https://www.federalregister.gov/d/2021-00305')).toBe('https://www.federalregister.gov/d/2021-00305');
  expect(safeHref('repo:austinsonger/executive-orders/joe-biden/2021/x.md')).toBe(
    'https://github.com/austinsonger/executive-orders/blob/HEAD/joe-biden/2021/x.md',
  );
  expect(safeHref('search-index:G:123')).toBeUndefined();
  expect(safeHref('javascript:alert(1)')).toBeUndefined();
  expect(safeHref('repo:a/b')).toBeUndefined();
});
