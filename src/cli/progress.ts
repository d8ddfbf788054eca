/**
 * Progress for long runs, on stderr and only on a terminal: one line redrawn in place, shown
 * once a run has taken `delayMs`, and erased when it ends, so piped or redirected output and
 * short runs never see it.
 */
import type { Writable } from 'node:stream';

const REDRAW_MS = 100;

function megabytes(n: number): string {
  return (n / 1_048_576).toFixed(1);
}

export class Progress {
  private readonly started = Date.now();
  private lastDraw = 0;
  private shown = false;
  private phase = '';

  constructor(
    private readonly stream: Writable,
    private readonly enabled: boolean,
    private readonly label: string,
    private readonly delayMs: number,
  ) {}

  /** Reports `done` of `total` (bytes read, or characters processed); total may be unknown. */
  update(phase: string, done: number, total: number | undefined): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.started < this.delayMs) return;
    // Redraw at most every REDRAW_MS, but show a new phase at once.
    if (phase === this.phase && now - this.lastDraw < REDRAW_MS) return;
    this.phase = phase;
    this.lastDraw = now;
    this.shown = true;
    const amount = total ? `${Math.floor((100 * done) / total)}% (${megabytes(done)}/${megabytes(total)} MB)` : `${megabytes(done)} MB`;
    this.stream.write(`\r\x1b[K${this.label}: ${phase} ${amount}`);
  }

  /** Erases the progress line, if one was drawn. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
