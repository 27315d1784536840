/**
 * Counts the round trips of one Excel.run and sends large work in chunks: every queued call is
 * given an estimated size (what it sends, what it brings back), and a sync is made before either
 * running total would pass the budget.
 *
 * The rule: Excel on the web refuses a request over 5 MB, and a response over 5 MB. We budget 4 MB
 * each per round trip (the JSON of the values, addresses and texts we queue, plus a fixed 200 bytes
 * per action for Office.js's own envelope — an object path and an action, ~150 bytes in Office.js's
 * serializer), which leaves a 20 % margin for what the estimate does not see.
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
  /** The estimated size of each request sent (what the budget was checked against). */
  estimates: number[] = [];
  private pending = 0;
  private pendingResponse = 0;

  constructor(
    readonly context: Excel.RequestContext,
    private readonly budget = REQUEST_BUDGET,
  ) {}

  async sync(): Promise<void> {
    this.syncs++;
    this.estimates.push(this.pending);
    this.pending = 0;
    this.pendingResponse = 0;
    await this.context.sync();
  }

  /**
   * Queues one call sending about `payload` bytes and bringing back about `response` bytes (queue()
   * does the Office.js calls), syncing first when either would not fit in the current round trip.
   */
  async write(payload: number, queue: () => void, response = 0): Promise<void> {
    const size = payload + ACTION_ENVELOPE;
    const full = this.pending + size > this.budget || this.pendingResponse + response > this.budget;
    if (this.pending > 0 && full) await this.sync();
    this.pending += size;
    this.pendingResponse += response;
    queue();
  }

  /** Sends what is queued, if anything. */
  async flush(): Promise<void> {
    if (this.pending > 0) await this.sync();
  }
}
