// Registry of the download-site adapters, plus the vendor-site and
// "any site" adapters. Hosts: an adapter handles a page when the page host
// equals one of its hosts or ends with "." + that host (uptodown.com covers
// wps-office.en.uptodown.com); each adapter's classify() then decides.

import type { SiteAdapter } from './types';
import { apkmirrorAdapter } from './apkmirror';
import { apkpureAdapter } from './apkpure';
import { uptodownAdapter } from './uptodown';
import { softonicAdapter } from './softonic';
import { filehippoAdapter } from './filehippo';
import { cnetDownloadAdapter } from './cnet-download';
import { aptoideAdapter } from './aptoide';
import { fdroidAdapter } from './fdroid';

export const downloadAdapters: SiteAdapter[] = [
  apkmirrorAdapter,
  apkpureAdapter,
  uptodownAdapter,
  softonicAdapter,
  filehippoAdapter,
  cnetDownloadAdapter,
  aptoideAdapter,
  fdroidAdapter,
];

export { vendorAdapter, OFFICIAL_HOSTS } from './vendor-sites';
export { genericAdapter, createGenericAdapter } from './generic';
