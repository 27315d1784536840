/**
 * The offline page's worker: reads and writes the workbook off the page's thread, so a large file
 * never freezes the page. Built as its own bundle and inlined into thidua.html (started from a
 * blob: URL — the page is one file).
 */
import { dispatch, type Call } from './port';

interface WorkerScope {
  onmessage: ((e: MessageEvent<{ id: number; call: Call }>) => void) | null;
  postMessage(message: unknown, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (e) => {
  const { id, call } = e.data;
  void dispatch(call, (done, total) => scope.postMessage({ id, progress: [done, total] })).then((answer) => {
    scope.postMessage({ id, answer });
  });
};
