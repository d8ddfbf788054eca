/**
 * How many keys the map read in a slot had last time, so the next map read there is made with
 * room for that many properties inside the object (`newRecord`, value.ts). A slot is the key a
 * map is the value of, or the key of the list it is an item of (`rules` in
 * `{rules:[{id:1,…},{id:2,…}]}`); maps under no key share the slot `''`. Records of one DTO sit in
 * one slot, and a first key alone would not do: `id` opens tags of three keys and rules of 26.
 *
 * Process-wide like the key memory, and bounded (cleared when full). A wrong guess costs only
 * memory layout; it never changes a value.
 */

const MAX_SLOTS = 4096;
const sizes = new Map<string, number>();

/** Keys the last map read in `slot` had; 0 when none was read there yet. */
export function expectedSize(slot: string): number {
  return sizes.get(slot) ?? 0;
}

/** A map read in `slot` had `size` keys, and `expected` was what `expectedSize` said. */
export function sawSize(slot: string, size: number, expected: number): void {
  if (size === expected) return;
  if (sizes.size >= MAX_SLOTS) sizes.clear();
  sizes.set(slot, size);
}
