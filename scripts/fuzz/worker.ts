/**
 * One fuzzing process: runs the laws round-robin, each for a share of FUZZ_SECONDS weighted by
 * the law, saves every counterexample, and writes what it did to FUZZ_OUT as JSON.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { failureKind, LAWS, newTally, type Law, type Tally } from '../../test/fuzz/laws.js';
import { loadRegressions, saveRegression } from './regressions.js';
import { timeLaw } from './time-law.js';

export interface LawReport {
  runs: number;
  /** Inputs that failed in a way already saved (a known bug), by kind: counted, not stopped on. */
  known: Record<string, number>;
  ms: number;
  slowestMs: number;
  failures: { failure: string; file: string }[];
}

export interface WorkerReport {
  worker: number;
  seconds: number;
  laws: Record<string, LawReport>;
  tally: Tally;
}

const seconds = Number(process.env.FUZZ_SECONDS ?? 60);
const worker = Number(process.env.FUZZ_WORKER ?? 0);
const baseSeed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const only = process.env.FUZZ_LAWS?.split(',').filter(Boolean);
const out = process.env.FUZZ_OUT;
/** Most counterexamples saved per law and worker: one bug tends to fail thousands of inputs. */
const MAX_SAVED = 5;

const campaignLaws = [...LAWS, timeLaw] as Law<unknown>[];
const laws = only ? campaignLaws.filter((law) => only.includes(law.name)) : campaignLaws;
const tally = newTally();
const reports: Record<string, LawReport> = Object.fromEntries(laws.map((law) => [law.name, { runs: 0, known: {}, ms: 0, slowestMs: 0, failures: [] }]));
// Failures already saved, so that a known bug neither stops a law again and again nor is saved twice.
const seen = new Set<string>(loadRegressions().flatMap(({ regression }) => (regression.kind ? [regression.kind] : [])));

// Rounds of at most 30 s, so every law runs early and often even in long campaigns.
const totalWeight = laws.reduce((sum, law) => sum + law.weight, 0);
const roundMs = Math.min(30_000, Math.max(2_000, (seconds * 1000) / 4));
const deadline = Date.now() + seconds * 1000;
let round = 0;

while (Date.now() < deadline) {
  for (const law of laws) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const slice = Math.max(200, Math.min(remaining, (roundMs * law.weight) / totalWeight));
    const report = reports[law.name]!;
    const seed = (baseSeed + worker * 1_000_003 + round * 7919 + law.name.length) | 0;
    const started = performance.now();
    const details = fc.check(
      fc.property(law.arbitrary, (input) => {
        const t0 = performance.now();
        report.runs++;
        try {
          law.check(input, tally);
        } catch (error) {
          const kind = failureKind(law.name, error);
          if (!seen.has(kind)) throw error;
          report.known[kind] = (report.known[kind] ?? 0) + 1;
        } finally {
          const took = performance.now() - t0;
          if (took > report.slowestMs) report.slowestMs = took;
        }
      }),
      { seed, numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: slice, markInterruptAsFailure: false, endOnFailure: law.shrink === false },
    );
    report.ms += performance.now() - started;
    if (details.failed && details.counterexample !== null) {
      const input = details.counterexample[0];
      const failure = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
      // One file per kind of failure, a few per law.
      const kind = failureKind(law.name, details.errorInstance);
      if (!seen.has(kind) && report.failures.length < MAX_SAVED) {
        seen.add(kind);
        let saved: unknown;
        try {
          saved = law.save ? law.save(input) : input;
        } catch (error) {
          saved = { unsaved: fc.stringify(input), error: String(error) };
        }
        // npm test replays saved counterexamples, and it runs no clock-based law: a time failure
        // is reported here only, for a person to reproduce on a quiet machine.
        if (law === timeLaw) {
          report.failures.push({ failure: failure.slice(0, 500), file: '(not saved: time law)' });
          process.stderr.write(`worker ${worker}: ${law.name} failed (not saved)\n  ${failure.slice(0, 300)}\n`);
          continue;
        }
        const file = saveRegression({ law: law.name, input: saved, failure, kind, found: new Date().toISOString(), seed, path: details.counterexamplePath ?? undefined });
        report.failures.push({ failure: failure.slice(0, 500), file });
        process.stderr.write(`worker ${worker}: ${law.name} failed; saved test/fuzz/regressions/${file}\n  ${failure.slice(0, 300)}\n`);
      }
    }
  }
  round++;
}

const result: WorkerReport = { worker, seconds, laws: reports, tally };
if (out) writeFileSync(out, JSON.stringify(result));
else process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
