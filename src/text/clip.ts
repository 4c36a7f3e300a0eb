/** At most `max` UTF-16 units, never ending inside a surrogate pair (an over-long field is shortened, not refused). */
export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const end = /[\ud800-\udbff]/.test(s[max - 1]!) ? max - 1 : max;
  return s.slice(0, end);
}
