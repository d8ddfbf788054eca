/**
 * One contender in its own process (own heap, own JIT feedback). The runner sends it one
 * `{ fixture, time }` request per round; it answers with every call's time in that round and the
 * time V8 spent in garbage collection meanwhile (PerformanceObserver 'gc' entries). The first
 * request for a fixture also checks the output once and warms up for one round's time.
 */
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { CONTENDERS, contenderKey, type Prepared } from './contenders.js';

export interface RoundRequest {
  fixture: string;
  /** Time budget of the round in ms; at least `minIterations` calls are made regardless. */
  time: number;
  minIterations: number;
}

export type WorkerReply =
  | { type: 'ready' }
  | { type: 'unavailable'; reason: string }
  | { type: 'skip'; fixture: string }
  | { type: 'round'; fixture: string; bytes: number; samples: number[]; elapsed: number; gc: number; check?: string | undefined }
  | { type: 'error'; fixture: string; message: string };

const key = process.argv[2];
const contender = CONTENDERS.find((c) => contenderKey(c) === key);
if (contender === undefined || process.send === undefined) {
  throw new Error(`bench/worker.ts: unknown contender ${key}, or not started by bench/run.ts`);
}
const send = (reply: WorkerReply) => process.send!(reply);

/** GC pauses as [start, end] in performance.now() time; entries arrive a task after the pause. */
const pauses: [number, number][] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) pauses.push([entry.startTime, entry.startTime + entry.duration]);
}).observe({ entryTypes: ['gc'] });

function gcBetween(from: number, to: number): number {
  let total = 0;
  for (const [start, end] of pauses) total += Math.max(0, Math.min(end, to) - Math.max(start, from));
  return total;
}

/** Calls `run` until `time` ms have passed and at least `minIterations` times; each call's ms. */
function timeCalls(run: () => unknown, time: number, minIterations: number): number[] {
  const samples: number[] = [];
  const until = performance.now() + time;
  for (;;) {
    const start = performance.now();
    run();
    const end = performance.now();
    samples.push(end - start);
    if (end >= until && samples.length >= minIterations) break;
  }
  return samples;
}

const loaded = await contender.load();
if (typeof loaded === 'string') {
  send({ type: 'unavailable', reason: loaded });
  process.disconnect();
} else {
  const prepare = loaded;
  const prepared = new Map<string, Prepared | undefined>();
  send({ type: 'ready' });
  process.on('message', (request: RoundRequest) => {
    try {
      let task = prepared.get(request.fixture);
      let check: string | undefined;
      if (!prepared.has(request.fixture)) {
        task = prepare(request.fixture);
        prepared.set(request.fixture, task);
        if (task !== undefined) {
          check = task.check() ?? 'ok';
          timeCalls(task.run, request.time, request.minIterations);
        }
      }
      if (task === undefined) {
        send({ type: 'skip', fixture: request.fixture });
        return;
      }
      const from = performance.now();
      const samples = timeCalls(task.run, request.time, request.minIterations);
      const to = performance.now();
      // The observer reports a pause in a later task: let it run before counting.
      setTimeout(() => {
        send({ type: 'round', fixture: request.fixture, bytes: task.bytes, samples, elapsed: to - from, gc: gcBetween(from, to), check });
        pauses.length = 0;
      }, 5);
    } catch (error) {
      send({ type: 'error', fixture: request.fixture, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
