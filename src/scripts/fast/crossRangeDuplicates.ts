import { ByteTable, hashBytes, type ByteTableData } from './byteTable.js';
import { IdSet, type IdSetData } from './idSet.js';

/**
 * The ids of one range that an earlier range already holds: under "first wins in file order"
 * every row with such an id in this range is a duplicate. Work is split by entry number
 * (`part` of `parts`) so several threads can share one range.
 *
 * @param target - the range's id table
 * @param earlier - the id tables of the ranges before it in file order
 * @param part - which share of the entries to check (0-based)
 * @param parts - how many shares there are
 * @returns the ids found earlier, as bytes (few in real exports)
 */
export function findEarlierIds(target: IdSetData, earlier: readonly IdSetData[], part = 0, parts = 1): Uint8Array[] {
  if (earlier.length === 0) return [];
  return IdSet.from(target).foundIn(earlier.map((data) => IdSet.from(data)), part, parts);
}

/**
 * A table holding the given ids, to send with a rescan.
 *
 * @param ids - id bytes
 * @returns the table's data
 */
export function tableOf(ids: readonly Uint8Array[]): ByteTableData {
  const table = new ByteTable(ids.length + 16, false);
  for (const id of ids) table.add(id, 0, id.length, hashBytes(id, 0, id.length));
  return table.data();
}
