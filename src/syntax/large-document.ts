/**
 * Which documents the allocation-saving memories work for (value-memory.ts, map-sizes.ts). They
 * pay off only when the garbage collector runs during a read: V8 scavenges its young generation
 * after several MB of allocation, and each scavenge copies the part of the result read so far.
 * A document under 1 MB of text makes too little to be scavenged much during its own read, and
 * there the lookups cost more than they save (measured: a 3.5 KB record and a 340 KB nested
 * document read 20–30 % slower with them; 2 MB of number lists and 17 MB of records 15–40 % faster).
 */
export const largeDocument = {
  /** Characters from which a document is large. Tests lower it to exercise the memories on small texts. @internal */
  minLength: 1 << 20,
};

export function isLargeDocument(text: string): boolean {
  return text.length >= largeDocument.minLength;
}
