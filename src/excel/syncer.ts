/**
 * Counts the round trips of one Excel.run and sends large writes in chunks: every queued write is
 * given an estimated size, and a sync is made before the running total would pass the budget.
 *
 * The rule: Excel on the web refuses a request over 5 MB. We budget 4 MB of payload per request
 * (the JSON of the values, addresses and texts we queue, plus a fixed 200 bytes per action for
 * Office.js's own envelope), which leaves a 20 % margin for what the estimate does not see.
 */
export const REQUEST_BUDGET = 4 * 1024 * 1024;
export const ACTION_ENVELOPE = 200;

/** UTF-8 size of a JSON value. */
export function jsonSize(v: unknown): number {
  const s = JSON.stringify(v) ?? '';
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

export class Syncer {
  syncs = 0;
  private pending = 0;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly budget = REQUEST_BUDGET,
  ) {}

  async sync(): Promise<void> {
    this.syncs++;
    this.pending = 0;
    await this.context.sync();
  }

  /**
   * Queues one write of about `payload` bytes (queue() does the Office.js calls), syncing first
   * when it would not fit in the current request.
   */
  async write(payload: number, queue: () => void): Promise<void> {
    const size = payload + ACTION_ENVELOPE;
    if (this.pending > 0 && this.pending + size > this.budget) await this.sync();
    this.pending += size;
    queue();
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.pending > 0) await this.sync();
  }
}
