// JSON inputs (SBOMs, winget export, system_profiler) parsed with errors that name
// the line, and rows located at the line their name (or id) is written on.

import { inputError, lineAt, type InputError } from '../row';

/** JSON.parse, or an error naming the line where the text stops being JSON (the last line when it is cut short). */
export function parseJson(text: string, file: string): { value: unknown } | { error: InputError } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (err) {
    const message = (err as Error).message;
    const pos = /position (\d+)/.exec(message);
    const line = pos ? lineAt(text, Number(pos[1])) : lineAt(text, text.length);
    const cut = /end of (JSON|data)|Unterminated/i.test(message) && !pos;
    return { error: inputError(file, line, 'json', cut ? 'the JSON ends early (truncated file?)' : message) };
  }
}

/** A row's line: the next place the given string value is written, from where the last one was. */
export interface LineLocator {
  (value: string | undefined): number;
  /** The line of the next `token` after the last place found (an entry that has no value to look for). */
  after(token: string): number;
}

/** Finds each row's line in order, through the text once (JSON.parse keeps no positions). */
export function lineLocator(text: string): LineLocator {
  let cursor = 0;
  let line = 1;
  const moveTo = (at: number) => {
    line += lineAt(text.slice(cursor, at), at - cursor) - 1;
    cursor = at;
  };
  const locate = ((value: string | undefined) => {
    if (value) {
      const at = text.indexOf(JSON.stringify(value), cursor);
      if (at !== -1) moveTo(at);
    }
    return line;
  }) as LineLocator;
  locate.after = (token) => {
    const at = text.indexOf(token, cursor + 1);
    if (at !== -1) moveTo(at);
    return line;
  };
  return locate;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
