/**
 * The analyses' Web Worker: one request at a time, each answered with its id. A failure is answered
 * too (with its message), so the page never waits for an answer that will not come.
 */
import { type AnalysisRequest, analyse } from '../../store/analysis';

interface Envelope {
  readonly id: number;
  readonly request: AnalysisRequest;
}

const scope = self as unknown as { onmessage: ((e: MessageEvent<Envelope>) => void) | null; postMessage(message: unknown): void };

scope.onmessage = (e) => {
  const { id, request } = e.data;
  try {
    scope.postMessage({ id, ok: true, answer: analyse(request) });
  } catch (err) {
    scope.postMessage({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
