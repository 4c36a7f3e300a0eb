import { describe, expect, test } from 'vitest';
import { storedUrl } from '../../extension/shared/stored-url';

describe('page addresses are kept and shown without query string or fragment', () => {
  test.each([
    ['https://play.google.com/store/apps/details?id=com.intsig.camscanner&hl=en', 'https://play.google.com/store/apps/details'],
    ['https://www.amazon.com/s?i=mobile-apps&k=my+private+search', 'https://www.amazon.com/s'],
    ['https://www.wps.com/download/#windows', 'https://www.wps.com/download/'],
    ['https://apps.apple.com/us/app/netflix/id363590051?see-all=reviews#x', 'https://apps.apple.com/us/app/netflix/id363590051'],
    ['https://download.cnet.com/', 'https://download.cnet.com/'],
    ['', ''],
  ])('%s → %s', (url, kept) => {
    expect(storedUrl(url)).toBe(kept);
  });
});
