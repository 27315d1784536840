/** Bytes to stdout, with the stream's own pacing. */
export interface ByteOut {
  /** Writes a chunk; true when the stream took it whole (the caller may reuse it), false when it holds it. */
  write(chunk: Uint8Array): boolean;
  /** When the reader is behind: resolves once it has caught up ('drain'); null when there is no need to wait. */
  ready(): Promise<void> | null;
}

/** Where a command writes: stdout for results, stderr for messages. */
export interface CliIO {
  out(text: string): void;
  /** Raw output as bytes, no line break added (the JSON report, written piece by piece). */
  bytes: ByteOut;
  err(text: string): void;
}

/** Set when the reader went away (`thidua check --json | head`): the rest is dropped, no stack trace. */
let readerGone = false;
let watching = false;

/**
 * A reader that went away (`thidua check | head`, `| true`) is no error of ours: the rest of the
 * output is dropped, quietly (no EPIPE stack trace), on stdout and stderr alike.
 */
function watch(): void {
  if (watching) return;
  watching = true;
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      readerGone = true;
    });
  }
}

const stdoutBytes: ByteOut = {
  write(chunk) {
    const s = process.stdout;
    watch();
    if (readerGone) return true;
    s.write(chunk);
    // A file, a TTY or a pipe with room writes at once; otherwise the stream keeps the chunk queued.
    return s.writableLength === 0;
  },
  ready() {
    const s = process.stdout;
    if (readerGone || !s.writableNeedDrain || s.destroyed) return null;
    return new Promise((resolve) => {
      const go = () => {
        s.off('drain', go);
        s.off('close', go);
        resolve();
      };
      s.on('drain', go);
      s.on('close', go);
    });
  },
};

export const processIO: CliIO = {
  out: (text) => {
    watch();
    if (!readerGone) process.stdout.write(`${text}\n`);
  },
  bytes: stdoutBytes,
  err: (text) => {
    watch();
    process.stderr.write(`${text}\n`);
  },
};
