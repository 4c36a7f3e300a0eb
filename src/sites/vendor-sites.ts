// The official sites of covered apps (wps.com, camscanner.com, ushareit.com…).
// Every page there is the vendor's own, so classify() says 'vendor' for any
// path; extract() reports the site itself (a domain id) plus the store links
// of its download buttons.
// Only domains sourced as official in shared/reference/identifiers.md are
// listed. A subdomain matches its listed parent (v3.camscanner.com →
// camscanner.com); the most specific listed host wins (pay.weixin.qq.com is
// WeChat Pay, not WeChat). Bare qq.com is deliberately absent: it also serves
// QQ Mail, QQ Music and news, which are not the named apps.

import type { Listing, SiteAdapter } from './types';
import { extractStoreLinks, matchDomain, safely } from './links';
import { matchPatterns } from './hosts';
import { cleanText } from './page-text';

export const OFFICIAL_HOSTS: readonly string[] = [
  'wps.com', // WPS Office
  'wps.cn', // WPS Office (China)
  'camscanner.com', // CamScanner
  'ushareit.com', // SHAREit
  'ushareit.cn', // SHAREit (China)
  'alipay.com', // Alipay
  'global.alipay.com', // Alipay (international)
  'im.qq.com', // Tencent QQ
  'qpay.qq.com', // QQ Wallet
  'weixin.qq.com', // WeChat (China)
  'pay.weixin.qq.com', // WeChat Pay
  'wechat.com', // WeChat (international)
  'tiktok.com', // TikTok
  'lite.tiktok.com', // TikTok Lite
  's.vmate.com', // VMate share links
];

const OFFICIAL_SET: ReadonlySet<string> = new Set(OFFICIAL_HOSTS);

// The content script runs where a vendor offers its app, not on the whole site:
// each official host's home page, its download and install pages, and these
// product pages (QQ's per-platform pages, WeChat Pay's and Alipay's introductions).
const PRODUCT_PAGES = ['https://im.qq.com/*qq*', 'https://pay.weixin.qq.com/index.php/public/wechatpay*', 'https://global.alipay.com/platform/site/*'];
const VENDOR_MATCHES = [
  ...matchPatterns(OFFICIAL_HOSTS).flatMap((all) => {
    const origin = all.slice(0, -'/*'.length);
    return [`${origin}/`, `${origin}/*download*`, `${origin}/*install*`];
  }),
  ...PRODUCT_PAGES,
];

/** The most specific official host a URL is on ("pay.weixin.qq.com"), or null. */
export function officialHostOf(url: URL): string | null {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return matchDomain(url.hostname, OFFICIAL_SET);
}

function siteName(doc: Document): string | undefined {
  const og = doc.querySelector('meta[property="og:site_name"]')?.getAttribute('content');
  const name = og?.replace(/\s+/g, ' ').trim() || cleanText(doc.querySelector('title'), 120);
  return name || undefined;
}

export const vendorAdapter: SiteAdapter = {
  id: 'vendor',
  name: 'Official sites of covered apps',
  hosts: [...OFFICIAL_HOSTS],
  matches: VENDOR_MATCHES,
  classify: (url) => (officialHostOf(url) ? 'vendor' : null),
  examples: [
    { url: 'https://www.wps.com/download/', kind: 'vendor' },
    { url: 'https://help.wps.com/articles/how-to-install', kind: 'vendor' },
    { url: 'https://www.camscanner.com/', kind: 'vendor' },
    { url: 'https://v3.camscanner.com/user/download', kind: 'vendor' },
    { url: 'https://www.ushareit.com/', kind: 'vendor' },
    { url: 'https://www.tiktok.com/download', kind: 'vendor' },
    { url: 'https://lite.tiktok.com/', kind: 'vendor' },
    { url: 'https://im.qq.com/pcqq', kind: 'vendor' },
    { url: 'https://pay.weixin.qq.com/index.php/public/wechatpay', kind: 'vendor' },
    { url: 'https://global.alipay.com/platform/site/ihome', kind: 'vendor' },
    { url: 'https://www.wechat.com/', kind: 'vendor' },
    { url: 'https://mail.qq.com/', kind: null },
    { url: 'https://y.qq.com/', kind: null },
    { url: 'https://wpsio.com/download', kind: null },
    { url: 'https://notwps.com/', kind: null },
    { url: 'https://wps.com.example.net/', kind: null },
    { url: 'https://www.vidmate.com/', kind: null },
  ],
  extract(doc, url) {
    return safely(() => {
      const host = officialHostOf(url);
      if (!host) return [];
      const vendor: Listing = {
        role: 'vendor',
        ids: [{ platform: 'domain', value: host, from: 'url' }],
        element: doc.body ?? doc.documentElement ?? undefined,
      };
      const name = siteName(doc);
      if (name) vendor.name = name;
      return [vendor, ...extractStoreLinks(doc, url)];
    });
  },
};
