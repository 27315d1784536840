/** Where a command writes: stdout for results, stderr for messages. */
export interface CliIO {
  out(text: string): void;
  /** Raw output, no line break added (large results written piece by piece); out() when absent. */
  write?(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  out: (text) => process.stdout.write(`${text}\n`),
  write: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(`${text}\n`),
};
