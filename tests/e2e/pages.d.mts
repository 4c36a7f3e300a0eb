// Types for the helpers of pages.mjs that the unit tests reuse (the e2e files are plain JS).
/** A real Play detail capture (Minecraft) turned into another app's listing: package, title and developer rewritten. */
export function playListingFromCapture(listing: { pkg: string; name: string; developer: string }): string;
/** tests/fixtures/captured, absolute. */
export const capturedFixtures: string;
/** Real captures at their real URLs: [url, file under captured/, entity ids flagged]. */
export const realCaptures: [string, string, string[]][];
/** Every tests/fixtures/<site>/cases.json case, with its page body. */
export function ownCases(options?: { includeGeneric?: boolean }): { site: string; file: string; url: string; kind: string | null; covered: string[]; listings?: number; banner?: boolean; body: string }[];
