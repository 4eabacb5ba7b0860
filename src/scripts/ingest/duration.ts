/**
 * Reads a duration as exports write it: seconds (`143`, `12.5`) or `h:mm:ss` (`0:02:23`,
 * `1:05:00`). Two-part `m:ss` / `h:mm` is refused, because `1:30` could be ninety seconds or
 * ninety minutes.
 *
 * @param text - the cell's text (trimmed by the caller)
 * @returns seconds, or `undefined` when the text is neither form
 * @example
 * readDuration('0:02:23') //=> 143
 */
export function readDuration(text: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text);
  const m = /^(\d+):([0-5]\d):([0-5]\d(?:\.\d+)?)$/.exec(text);
  if (m === null) return undefined;
  return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
}
