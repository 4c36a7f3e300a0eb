// Types for the helpers of pages.mjs that the unit tests reuse (the e2e files are plain JS).
/** A real Play detail capture (Minecraft) turned into another app's listing: package, title and developer rewritten. */
export function playListingFromCapture(listing: { pkg: string; name: string; developer: string }): string;
