import { execFile } from 'node:child_process';

/** A command-line tool failed, ran out of time or wrote more than allowed; `timedOut` tells the first apart. */
export class ToolFailed extends Error {
  override name = 'ToolFailed';
  constructor(message: string, readonly timedOut: boolean) {
    super(message);
  }
}

export interface ToolLimits {
  timeoutMs: number;
  /** stdout beyond this kills the tool (a decompression bomb writing text forever) */
  maxOutputBytes: number;
}

/**
 * Runs a poppler or Tesseract tool as a child process, so the event loop never waits on it, killed
 * with SIGKILL at the time limit. Tesseract is kept to one thread: the worker's concurrency setting
 * decides how many cores reading scans may use.
 */
export function runTool(command: string, args: string[], limits: ToolLimits): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      { timeout: limits.timeoutMs, killSignal: 'SIGKILL', maxBuffer: limits.maxOutputBytes, encoding: 'buffer', env: { ...process.env, OMP_THREAD_LIMIT: '1' } },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const timedOut = (error as { killed?: boolean }).killed === true && (error as { code?: unknown }).code !== 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER';
        const detail = stderr.toString('utf8').trim().split('\n').pop() || error.message;
        reject(new ToolFailed(timedOut ? `${command} took longer than ${limits.timeoutMs / 1000} s` : `${command} failed: ${detail.slice(0, 300)}`, timedOut));
      },
    );
  });
}
