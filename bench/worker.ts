/**
 * One contender in its own process (own heap, own JIT feedback). The runner sends it one
 * `{ fixture, time }` request per round; it answers with the median latency of that round,
 * measured with tinybench. The first request for a fixture also checks the output once and warms up.
 */
import { Bench } from 'tinybench';
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
  | { type: 'round'; fixture: string; bytes: number; median: number; iterations: number; check?: string | undefined }
  | { type: 'error'; fixture: string; message: string };

const key = process.argv[2];
const contender = CONTENDERS.find((c) => contenderKey(c) === key);
if (contender === undefined || process.send === undefined) {
  throw new Error(`bench/worker.ts: unknown contender ${key}, or not started by bench/run.ts`);
}
const send = (reply: WorkerReply) => process.send!(reply);

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
      const first = !prepared.has(request.fixture);
      if (first) {
        task = prepare(request.fixture);
        prepared.set(request.fixture, task);
        if (task !== undefined) check = task.check() ?? 'ok';
      }
      if (task === undefined) {
        send({ type: 'skip', fixture: request.fixture });
        return;
      }
      const bench = new Bench({
        time: request.time,
        iterations: request.minIterations,
        warmup: first,
        warmupTime: request.time,
        warmupIterations: request.minIterations,
        throws: true,
      });
      bench.add(request.fixture, task.run);
      bench.runSync();
      const result = bench.tasks[0]!.result;
      if (result.state !== 'completed') throw new Error(`tinybench task ended in state ${result.state}`);
      send({ type: 'round', fixture: request.fixture, bytes: task.bytes, median: result.latency.p50, iterations: result.latency.samplesCount, check });
    } catch (error) {
      send({ type: 'error', fixture: request.fixture, message: error instanceof Error ? error.message : String(error) });
    }
  });
}
