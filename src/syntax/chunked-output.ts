/**
 * Output text for the writers (untyped `stringify` and the typed encoders). Text is appended with
 * `+=`, which V8 makes a cheap rope node, and moved to `chunks` every few KB. One rope for a whole
 * 16 MB document kept millions of nodes alive until the end, and the GC spent most of its time
 * copying them.
 */
const CHUNK_LENGTH = 8192;

export class ChunkedOutput {
  /** The text written since the last chunk was cut. */
  out = '';
  private readonly chunks: string[] = [];

  /** Called between items: cuts a chunk once `out` is long enough. */
  cut(): void {
    if (this.out.length < CHUNK_LENGTH) return;
    const chunk = this.out;
    // Reading a character makes V8 flatten the rope into one string now, so its nodes die young.
    chunk.charCodeAt(0);
    this.chunks.push(chunk);
    this.out = '';
  }

  /**
   * Appends `text`, a flat string made in one piece (a number list's JSON): a long one becomes a
   * chunk of its own rather than being copied again when `out` is next flattened.
   */
  appendFlat(text: string): void {
    if (text.length < CHUNK_LENGTH) {
      this.out += text;
      return;
    }
    if (this.out !== '') {
      this.out.charCodeAt(0);
      this.chunks.push(this.out);
      this.out = '';
    }
    this.chunks.push(text);
  }

  /** Everything written so far. */
  text(): string {
    if (this.chunks.length === 0) return this.out;
    this.chunks.push(this.out);
    const text = this.chunks.join('');
    this.chunks.length = 0;
    this.out = text;
    return text;
  }
}
