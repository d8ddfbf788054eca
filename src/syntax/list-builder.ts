/**
 * How readers build a list's array: its items go on a shared stack, and at its `]` the list is
 * sliced off the stack into an array of exactly its length, as V8's own JSON.parse builds arrays
 * from its value stack. Nested lists stack above their parent's items; one read runs at a time
 * (JavaScript is single-threaded and a read never yields), and every reader cuts the stack back to
 * where its list began, also when it throws.
 *
 * Why not a `[]` per list, pushed to: V8 records per allocation site whether the objects made
 * there survive a scavenge. In a multi-MB document the lists read first are still alive (they are
 * part of the result) when the young generation fills, so the one `[]` literal that made every list
 * was learnt as long-lived and V8 allocated all later lists in old space. An old array that holds
 * young strings is a remembered-set root: every scavenge then visited the lists of earlier, dead
 * documents and kept their strings alive (up to three quarters of the time on a 2 MB document of
 * number lists went to GC). `slice` allocates from a builtin, which V8 never pretenures, at the
 * exact size, where push regrowth left spare capacity behind in every list.
 *
 * The stack keeps its capacity between lists and documents: its height is tracked here rather than
 * by cutting its `length`, since V8 frees an array's storage when its length drops below half, and a
 * list of 100,000 items would then regrow it from nothing (in large-object space, a mapping per
 * step) on every read; that doubled the time of a flat list of numbers.
 */

/** Capacity kept between reads (2 MB of slots); a larger stack, after a huge list, is cut to it. */
const KEPT_CAPACITY = 1 << 18;

export class ItemStack<T> {
  /** Slots above `height` are stale: cleared when the outermost list closes. */
  private readonly items: T[] = [];
  height = 0;
  /** The highest height since the stale slots were last cleared. */
  private used = 0;

  /**
   * @param cleared what a stale slot is set to when the outermost list closes, so the stack holds
   *   nothing of a document after it; undefined for stacks of numbers, which hold nothing alive.
   */
  constructor(private readonly cleared?: T) {}

  push(item: T): void {
    this.items[this.height++] = item;
  }

  /** The items above `base` as a new exact-size array; the stack is cut back to `base`. */
  close(base: number): T[] {
    const list = this.items.slice(base, this.height);
    this.cutTo(base);
    return list;
  }

  /** Drops the items above `base` (a list that closes or fails). */
  cutTo(base: number): void {
    // Every pushed slot lies below the height at the cut of its list, so this bounds what is stale.
    if (this.height > this.used) this.used = this.height;
    this.height = base;
    if (base > 0) return;
    const items = this.items;
    if (items.length > KEPT_CAPACITY) items.length = KEPT_CAPACITY;
    // Only the slots this document used: after one long list, the kept capacity is much larger
    // than what a small document touches.
    if (this.cleared !== undefined) items.fill(this.cleared, 0, this.used);
    this.used = 0;
  }
}

/**
 * Nulls that exact-size lists are sliced from (see `blankList`). Grown by `push`, so V8 keeps it
 * a packed array; kept between reads up to `KEPT_CAPACITY`.
 */
const blanks: null[] = [];

/**
 * A new array of `length` nulls, to be filled in place. Neither `[]` (an allocation site V8
 * learns to put in old space) nor `new Array(length)`: from about 16,000 elements on that makes a
 * dictionary (hash table) array, many times slower to fill and to read. `slice` is a builtin, so
 * its arrays are young, packed and exactly as long as asked.
 */
export function blankList<T>(length: number): T[] {
  while (blanks.length < length) blanks.push(null);
  const list = blanks.slice(0, length);
  if (blanks.length > KEPT_CAPACITY) blanks.length = KEPT_CAPACITY;
  return list as T[];
}

/** Items of the open lists of any kind (untyped values, typed elements); stale slots become null. */
export const itemStack = new ItemStack<unknown>(null);

/**
 * Items of open typed lists of plain numbers. Only numbers ever go here, so V8 keeps it an array
 * of unboxed doubles, and its slices are too: no heap number per item.
 */
export const doubleStack = new ItemStack<number>();

/** Items held for lists still open: 0 between reads, whatever the last read did. @internal */
export function pendingListItems(): number {
  return itemStack.height + doubleStack.height;
}
