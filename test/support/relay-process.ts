// Runs the relay as a real process (`node dist/apps/relay/src/main.js`, built by scripts/build.cjs)
// and keeps its structured log lines, so tests can kill it, restart it and read what it said.
import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

export const ROOT = resolve(__dirname, '../..');
export const RELAY_MAIN = join(ROOT, 'dist/apps/relay/src/main.js');

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

export class RelayProcess {
  readonly lines: LogLine[] = [];
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;

  constructor(env: Record<string, string>) {
    this.child = spawn(process.execPath, [RELAY_MAIN], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      try {
        this.lines.push(JSON.parse(line) as LogLine);
      } catch {
        this.lines.push({ level: 0, msg: line });
      }
    });
    this.exited = new Promise((resolvePromise) => this.child.on('exit', (code, signal) => resolvePromise({ code, signal })));
  }

  said(msg: string): boolean {
    return this.lines.some((l) => l.msg === msg);
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The log so far, for failure messages. */
  transcript(): string {
    return `${this.lines.map((l) => JSON.stringify(l)).join('\n')}\n${this.stderr}`;
  }
}
