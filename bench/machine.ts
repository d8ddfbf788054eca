/** What a result was measured on: CPU, memory, Node version and the commit (flagged when the tree is dirty). */
import { execFileSync } from 'node:child_process';
import os from 'node:os';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

export interface Machine {
  cpu: string;
  cores: number;
  memory: string;
  os: string;
  node: string;
  commit: string;
  date: string;
}

export function describeMachine(): Machine {
  const cpus = os.cpus();
  const commit = git(['rev-parse', '--short', 'HEAD']) || 'unknown';
  // Uncommitted edits to the measured code make the commit alone misleading.
  // The results files are rewritten by the run itself, so they do not make the code dirty.
  const dirty = git(['status', '--porcelain', '--', 'src', 'bench', ':!bench/RESULTS.md', ':!bench/MEMORY.md']) !== '';
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memory: `${Math.round(os.totalmem() / 2 ** 30)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    commit: dirty ? `${commit} + uncommitted changes in src/ or bench/` : commit,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
  };
}

export function machineLine(m: Machine): string {
  return `${m.cpu}, ${m.cores} cores, ${m.memory}; ${m.os}; Node ${m.node}; commit ${m.commit}; ${m.date}`;
}
