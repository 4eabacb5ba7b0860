/**
 * The per-code-unit fold behind every match: Unicode compatibility folding (NFKC-equivalent),
 * full-width → half-width, lower-case, and punctuation/space/control/format characters skipped.
 *
 * Why per code unit: NFKC of Chinese text is almost all identity, and a lookup table costs one
 * array read a character where `String.prototype.normalize` costs an allocation. Each BMP code
 * unit folds to its compatibility decomposition (NFKD, lower-cased, then NFKD again): NFKD and
 * NFKC put the same strings together, and decomposing keeps "é" and "e\u0301" equal without
 * a composition pass. Combining marks are kept (か and が stay apart). Not done: canonical
 * re-ordering of several combining marks on one letter (irrelevant for Chinese).
 */

/** `fold[c] === 0`: look at `kind[c]` — skipped, expands to several units, or a surrogate pair to fold. */
export const foldKindSkip = 0;
export const foldKindExpand = 1;
export const foldKindPair = 2;

/** Punctuation, separators (spaces, ideographic space), controls, format and default-ignorable characters, modifier symbols, and "~" (a chat tone mark). */
const skippable = /^[\p{P}\p{Z}\p{Cc}\p{Cf}\p{Sk}\p{Default_Ignorable_Code_Point}~]$/u;

/**
 * High surrogates whose planes hold characters with a compatibility decomposition or skippable
 * characters (mathematical alphanumerics 𝐀, enclosed alphanumerics 🄰, CJK compatibility
 * supplement, tags, skin-tone modifiers…), computed once from the runtime's Unicode data
 * (Node 20, ICU 7x). Pairs starting with any other high surrogate (most emoji, CJK extension B…)
 * fold to themselves without a lookup.
 */
const pairHighSurrogates = [
  0xd800, 0xd801, 0xd802, 0xd803, 0xd804, 0xd805, 0xd806, 0xd807, 0xd809, 0xd80b, 0xd80d, 0xd818, 0xd81a, 0xd81b,
  0xd82f, 0xd833, 0xd834, 0xd835, 0xd836, 0xd838, 0xd839, 0xd83a, 0xd83b, 0xd83c, 0xd83e, 0xd87e, 0xdb40, 0xdb41,
  0xdb42, 0xdb43,
];

/** The fold of every BMP code unit. */
export interface FoldTable {
  /** The single unit a code unit folds to, or 0 (see `kind`). */
  readonly fold: Uint16Array;
  /** For `fold[c] === 0`: skip, expand or pair. */
  readonly kind: Uint8Array;
  /** For expanding units: `expansion.get(c)` is what it folds to (already folded, never empty). */
  readonly expansion: ReadonlyMap<number, Uint16Array>;
}

function foldString(s: string): string {
  const decomposed = s.normalize('NFKD').toLowerCase().normalize('NFKD');
  let out = '';
  for (const ch of decomposed) if (!skippable.test(ch)) out += ch;
  return out;
}

function buildFoldTable(): FoldTable {
  const fold = new Uint16Array(0x10000);
  const kind = new Uint8Array(0x10000);
  const expansion = new Map<number, Uint16Array>();
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c <= 0xdfff) {
      fold[c] = c; // surrogates are content (emoji); pairs needing a fold are re-marked below
      continue;
    }
    const folded = foldString(String.fromCharCode(c));
    if (folded.length === 1) {
      fold[c] = folded.charCodeAt(0);
    } else if (folded.length === 0) {
      kind[c] = foldKindSkip;
    } else {
      kind[c] = foldKindExpand;
      const units = new Uint16Array(folded.length);
      for (let i = 0; i < folded.length; i++) units[i] = folded.charCodeAt(i);
      expansion.set(c, units);
    }
  }
  for (const high of pairHighSurrogates) {
    fold[high] = 0;
    kind[high] = foldKindPair;
  }
  return { fold, kind, expansion };
}

// A cache of a pure constant (about 10 ms to build), built on first use so that importing the
// package costs nothing; it is never observable from outside and never changes once built.
let table: FoldTable | undefined;

/** The fold table, built on first use. */
export function foldTable(): FoldTable {
  table ??= buildFoldTable();
  return table;
}

/**
 * Folds one supplementary code point (a surrogate pair whose high half is in the pair set) to
 * its units; empty when it is skippable.
 */
export function foldCodePoint(codePoint: number): string {
  return foldString(String.fromCodePoint(codePoint));
}

/** Whether a code point reads as part of a word (a letter or a digit), for sentence-final particles. */
const wordCharacter = /^[\p{L}\p{N}]$/u;

/**
 * Whether the text at `index` ends a clause: end of text, or a character that is not a letter or
 * digit (punctuation, space, emoji). Used for the slang particles of seed 003.
 */
export function endsClause(text: string, index: number): boolean {
  if (index >= text.length) return true;
  const codePoint = text.codePointAt(index) ?? 0;
  return !wordCharacter.test(String.fromCodePoint(codePoint));
}
