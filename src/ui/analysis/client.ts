/**
 * Asking for an analysis from the page: it runs in a Web Worker (module worker, allowed by the
 * page's `worker-src 'self'`), so the page stays responsive while hundreds of runs are replayed.
 * Where no worker can start (an old browser, a test in Node), it runs in the page after a short
 * pause, as before. Answers come back in the order asked.
 */
import { type AnalysisAnswer, type AnalysisRequest, analyse } from '../../store/analysis';

interface Pending {
  readonly resolve: (answer: AnalysisAnswer) => void;
  readonly reject: (err: Error) => void;
}

let worker: Worker | null | undefined;
const pending = new Map<number, Pending>();
let nextId = 1;

function failAll(message: string): void {
  for (const p of pending.values()) p.reject(new Error(message));
  pending.clear();
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'red-phone-analysis' });
    w.onmessage = (e: MessageEvent<{ id: number; ok: boolean; answer?: AnalysisAnswer; message?: string }>) => {
      const p = pending.get(e.data.id);
      if (p === undefined) return;
      pending.delete(e.data.id);
      if (e.data.ok && e.data.answer !== undefined) p.resolve(e.data.answer);
      else p.reject(new Error(e.data.message ?? 'the analysis failed'));
    };
    w.onerror = (e) => {
      e.preventDefault();
      // A worker that cannot run (blocked, or its script failed) is dropped: later requests run in the page.
      worker = null;
      w.terminate();
      failAll('the analysis worker stopped');
    };
    return w;
  } catch {
    return null;
  }
}

function inPage(request: AnalysisRequest): Promise<AnalysisAnswer> {
  return new Promise((resolve, reject) => {
    setTimeout(() => {
      try {
        resolve(analyse(request));
      } catch (err) {
        reject(err instanceof Error ? err : new Error(String(err)));
      }
    }, 30);
  });
}

/** Runs `request` off the page's thread when it can; in the page when it cannot. */
export function runAnalysis(request: AnalysisRequest): Promise<AnalysisAnswer> {
  if (worker === undefined) worker = startWorker();
  const w = worker;
  if (w === null) return inPage(request);
  const id = nextId++;
  return new Promise<AnalysisAnswer>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    w.postMessage({ id, request });
  }).catch((err: unknown) => {
    // The worker died under this request: answer it in the page rather than not at all.
    if (worker === null) return inPage(request);
    throw err;
  });
}

/** Whether analyses run in a worker on this page (false before the first request, or where none can start). */
export function analysisInWorker(): boolean {
  return worker !== undefined && worker !== null;
}
