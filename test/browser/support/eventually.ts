/** Polls an async read until it equals the expected value (or time runs out), then returns it. */
import { isDeepStrictEqual } from 'util';

export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 15000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let value = await read();
  while (!isDeepStrictEqual(value, expected) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
