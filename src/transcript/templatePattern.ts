import { foldForMatching } from './automaton.js';

/** A template pattern cut into its fixed parts (folded) and the placeholders between them. */
export interface ParsedTemplatePattern {
  /** Fixed parts, folded, in order; a placeholder lies between each two. */
  readonly parts: readonly string[];
  /** A placeholder comes before the first part (something must then come before it in the message). */
  readonly leading: boolean;
  /** A placeholder comes after the last part (no constraint: the sentence may go on). */
  readonly trailing: boolean;
}

/** Values filled into named placeholders. */
export interface TemplateValues {
  readonly merchantName?: string | undefined;
  readonly agentNumber?: string | undefined;
}

const isX = (c: string) => c === 'X' || c === 'x' || c === 'Ｘ' || c === 'ｘ';
const isStar = (c: string) => c === '*' || c === '＊';
const closers: Record<string, string> = { '[': ']', '［': '］', '【': '】', '{': '}', '｛': '｝' };

/**
 * Cuts a template pattern into fixed parts and placeholders, by hand (no user text ever becomes a
 * regular expression). Placeholders: a run of two or more X (any width or case), one or more
 * asterisks, a bracketed name (`[企业名称]`, `【工号】`, `{surname}`), an ellipsis (`…`, `……`,
 * `...`). `{merchant}` and `{agentNumber}` are replaced by the phrasebook's values when set.
 *
 * @returns the parsed pattern, or `null` when nothing fixed remains
 */
export function parseTemplatePattern(pattern: string, values: TemplateValues): ParsedTemplatePattern | null {
  const pieces: (string | null)[] = []; // null = placeholder
  let literal = '';
  const placeholder = () => {
    pieces.push(literal, null);
    literal = '';
  };
  const chars = Array.from(pattern);
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const closer = closers[c];
    if (closer !== undefined) {
      const close = chars.indexOf(closer, i + 1);
      if (close > i) {
        const name = chars.slice(i + 1, close).join('');
        const value = name === 'merchant' ? values.merchantName : name === 'agentNumber' ? values.agentNumber : undefined;
        if (value !== undefined) literal += value;
        else placeholder();
        i = close;
        continue;
      }
    }
    if (isX(c) && isX(chars[i + 1] ?? '')) {
      while (isX(chars[i + 1] ?? '')) i++;
      placeholder();
      continue;
    }
    if (isStar(c)) {
      while (isStar(chars[i + 1] ?? '')) i++;
      placeholder();
      continue;
    }
    if (c === '…' || (c === '.' && chars[i + 1] === '.')) {
      while (chars[i + 1] === '…' || chars[i + 1] === '.') i++;
      placeholder();
      continue;
    }
    literal += c;
  }
  pieces.push(literal);
  // Fold the fixed parts; parts that fold to nothing (only punctuation) merge their placeholders.
  const parts: string[] = [];
  let leading = false;
  let trailing = false;
  let pendingPlaceholder = false;
  for (const piece of pieces) {
    if (piece === null) {
      pendingPlaceholder = true;
      continue;
    }
    const folded = foldForMatching(piece);
    if (folded === '') continue;
    if (parts.length === 0) leading = pendingPlaceholder;
    else if (!pendingPlaceholder) {
      parts[parts.length - 1] += folded;
      continue;
    }
    parts.push(folded);
    pendingPlaceholder = false;
  }
  if (parts.length === 0) return null;
  trailing = pendingPlaceholder;
  return { parts, leading, trailing };
}
