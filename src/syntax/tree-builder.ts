/**
 * The tree builder: untyped values (plain objects, arrays, strings, null) from the scanner's
 * cursor. `parse` returns them, and `t.untyped()` reads a part of a typed document with it.
 *
 * Lists are built without an allocation site V8 learns to put in old space. A list of bare items
 * is read as a run (`Scanner.readBareRun`: item bounds only) and made at its `]`, at its exact
 * size, with its strings sliced straight into it; any other list gathers its items on the shared
 * item stack and is sliced off it at its `]` (list-builder.ts). docs/performance.md says why.
 */
import { JsvError } from '../errors/jsv-error.js';
import { blankList, itemStack, type ItemStack } from './list-builder.js';
import { formatPath, type PathSegment } from './path.js';
import { BARE, duplicateKeyReason, IN_LIST, IN_MAP, LIST, MAP, QUOTED, type Context, type Scanner } from './scanner.js';
import { expectedSize, sawSize } from './map-sizes.js';
import { newRecord, setOwn, type JsvMap, type JsvValue } from './value.js';

/**
 * Items in a list beyond which it is built on the item stack instead. An array this long is a
 * large object: V8 moves it to old space whole at its first scavenge, and a list that is filled
 * after that gives every young string stored into it a remembered-set entry, which keeps those
 * strings alive through scavenges even once the list is dead. Sliced off the stack, a list is made
 * after its strings.
 */
const LARGE_LIST = 8192;

/**
 * Whether lists try a bare run first. Off only in the test that holds the two ways of reading a
 * list to the same values and errors. @internal
 */
export const bareRuns = { enabled: true };

/**
 * Reads one value of any depth at the cursor into untyped data, leaving the cursor after it:
 * maps become plain objects, lists arrays, scalars strings and an empty value null. A loop, not
 * recursion: nesting costs heap, never stack, so only `maxDepth` bounds it.
 */
export function readTree(sc: Scanner, context: Context): JsvValue {
  const baseDepth = sc.depth;
  // The items of every open list, on the shared stack above this call's base (list-builder.ts).
  const items = itemStack as ItemStack<JsvValue>;
  const baseItems = items.height;
  // The open containers, innermost last: a map is its object, a list the index in `items` where
  // its first item goes.
  const containers: (JsvMap | number)[] = [];
  // The key being read in each open map; undefined while the key itself is being scanned.
  const keys: (string | undefined)[] = [];
  // Per open map, in large documents: its slot (see map-sizes.ts), the size expected there, and its keys so far.
  const slots: string[] = [];
  const expected: number[] = [];
  const sizes: number[] = [];
  // Only in large documents (large-document.ts): elsewhere the lookups cost more than they save.
  const sizedMaps = sc.large;
  let ctx: Context = context;
  let value: JsvValue;
  try {
    for (;;) {
      // Read one value; a non-empty container is opened and its first child read next.
      const kind = sc.valueStart(ctx);
      if (kind === MAP) {
        if (sc.openMap()) {
          let size = 0;
          if (sizedMaps) {
            const slot = slotOf(containers, keys);
            size = expectedSize(slot);
            slots.push(slot);
            expected.push(size);
            sizes.push(1);
          }
          containers.push(newRecord(size));
          keys.push(undefined);
          keys[keys.length - 1] = sc.readKey();
          ctx = IN_MAP;
          continue;
        }
        value = {};
      } else if (kind === LIST) {
        if (sc.openList()) {
          const base = items.height;
          const list = bareRuns.enabled ? bareList(sc, items) : undefined;
          if (list === undefined) {
            containers.push(base);
            keys.push(undefined);
            ctx = IN_LIST;
            continue;
          }
          value = list;
        } else {
          value = [];
        }
      } else if (kind === QUOTED) {
        value = sc.readQuoted();
      } else if (kind === BARE) {
        value = sc.readBare(ctx);
      } else {
        value = null;
      }
      // Attach the value to its container, closing every container that ends here.
      for (;;) {
        const top = containers.length - 1;
        if (top < 0) return value;
        const container = containers[top]!;
        if (typeof container === 'number') {
          items.push(value);
          // After an item the run could not take, the bare items that follow it are read as a
          // run again, onto the stack (a list of mostly bare strings with some quoted ones).
          if (sc.nextItem() && !(bareRuns.enabled && runOnto(sc, items))) break;
          value = items.close(container);
        } else {
          setOwn(container, keys[top]!, value);
          if (sc.nextEntry()) {
            keys[top] = undefined;
            const key = sc.readKey();
            if (Object.prototype.hasOwnProperty.call(container, key)) {
              throw sc.fail(sc.keyStart, 'DUPLICATE_KEY', duplicateKeyReason(key));
            }
            keys[top] = key;
            if (sizedMaps) sizes[sizes.length - 1]!++;
            break;
          }
          if (sizedMaps) sawSize(slots.pop()!, sizes.pop()!, expected.pop()!);
          value = container;
        }
        containers.pop();
        keys.pop();
        // What follows the closed container belongs to the one it closed into.
        ctx = typeof containers[containers.length - 1] === 'number' ? IN_LIST : IN_MAP;
      }
    }
  } catch (error) {
    sc.depth = baseDepth;
    const itemCount = items.height;
    // The stack must not keep this document's values alive, nor leave them to the next one.
    items.cutTo(baseItems);
    if (error instanceof JsvError && error.path === undefined && containers.length > 0) {
      throw withPath(error, containers, itemCount, keys);
    }
    throw error;
  }
}

/**
 * The slot of a map opening in the innermost of `containers`: the key it is the value of, or the
 * key of the list it is an item of, else `''` (see map-sizes.ts).
 */
function slotOf(containers: (JsvMap | number)[], keys: (string | undefined)[]): string {
  let top = containers.length - 1;
  if (top >= 0 && typeof containers[top] === 'number') top--;
  return top >= 0 && typeof containers[top] !== 'number' ? keys[top]! : '';
}

/**
 * Reads the bare items that follow, in a list already being built on `items`, onto the stack;
 * true when that reached the list's `]` (consumed), false when an item is left to the loop.
 */
function runOnto(sc: Scanner, items: ItemStack<JsvValue>): boolean {
  pushRun(sc, items, sc.readBareRun());
  return sc.runClosed;
}

/**
 * The list just opened, when a bare run reads all of it: made at its exact size with its strings
 * sliced straight into it, so it is young and only young things point into it. Otherwise the
 * run's items go on `items`, as the item-by-item loop would have put them, and that loop reads on
 * (undefined). A list too long for that is sliced off the stack too (`LARGE_LIST`).
 */
function bareList(sc: Scanner, items: ItemStack<JsvValue>): JsvValue[] | undefined {
  const memory = sc.valueMemory;
  // One tally per list, kept by the runs after its first (`runOnto`).
  memory.startList();
  const count = sc.readBareRun();
  if (!sc.runClosed || count > LARGE_LIST) {
    const base = items.height;
    pushRun(sc, items, count);
    return sc.runClosed ? (items.close(base) as JsvValue[]) : undefined;
  }
  const bounds = sc.runBounds;
  const text = sc.text;
  const list = blankList<JsvValue>(count);
  if (memory.used) for (let i = 0; i < count; i++) list[i] = memory.runItemOf(text, bounds[2 * i]!, bounds[2 * i + 1]!);
  else for (let i = 0; i < count; i++) list[i] = text.slice(bounds[2 * i]!, bounds[2 * i + 1]!);
  return list;
}

/**
 * Pushes the `count` items of the bare run just read onto `items`. A document that does not
 * consult the value memory slices them directly, without a call per item.
 */
function pushRun(sc: Scanner, items: ItemStack<JsvValue>, count: number): void {
  const memory = sc.valueMemory;
  const bounds = sc.runBounds;
  const text = sc.text;
  if (memory.used) for (let i = 0; i < count; i++) items.push(memory.runItemOf(text, bounds[2 * i]!, bounds[2 * i + 1]!));
  else for (let i = 0; i < count; i++) items.push(text.slice(bounds[2 * i]!, bounds[2 * i + 1]!));
}

/**
 * Re-issues a syntax error with the path of the value it happened in, e.g. `data.list[2]`. A list
 * container is the index of its first item on the item stack, so its current index is the count of
 * items above that, up to where the next open list starts (`itemCount`: the stack's height).
 */
function withPath(error: JsvError, containers: (JsvMap | number)[], itemCount: number, keys: (string | undefined)[]): JsvError {
  const segments: (PathSegment | undefined)[] = [];
  let nextListStart = itemCount;
  for (let i = containers.length - 1; i >= 0; i--) {
    const container = containers[i]!;
    if (typeof container === 'number') {
      segments[i] = nextListStart - container;
      nextListStart = container;
    } else {
      segments[i] = keys[i];
    }
  }
  const path = formatPath(segments);
  return path === '' ? error : error.atPath(path);
}
