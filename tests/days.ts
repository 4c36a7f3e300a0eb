// Calendar arithmetic for the tests of dated measures (ISO days, UTC).

/** The ISO day before `iso` ("2025-03-06" → "2025-03-05"). */
export const dayBefore = (iso: string): string => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
