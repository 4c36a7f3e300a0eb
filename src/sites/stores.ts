// The app-store adapters, in one list for the content script, the manifest matches and the tests.
import { amazonAppstore } from './amazon-appstore';
import { appGallery } from './appgallery';
import { appleAppStore } from './apple-app-store';
import { galaxyStore } from './galaxy-store';
import { microsoftStore } from './microsoft-store';
import type { SiteAdapter } from './types';

export const storeAdapters: SiteAdapter[] = [appleAppStore, microsoftStore, galaxyStore, appGallery, amazonAppstore];
