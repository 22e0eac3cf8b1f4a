/**
 * Splits a Chromium heap snapshot into V8's compiled code and the rest of the JS heap, so the benchmark can
 * tell heap growth from V8 compiling hot functions apart from data the page keeps.
 */
import type { Page } from 'playwright-core';

/** A heap snapshot's self sizes in bytes: V8's compiled code (machine code, bytecode, feedback) and the rest of the JS heap. */
export interface HeapSplit {
  readonly code: number;
  readonly data: number;
}

interface SnapshotJson {
  readonly snapshot: { readonly meta: { readonly node_fields: readonly string[]; readonly node_types: readonly [readonly string[], ...unknown[]] } };
  readonly nodes: readonly number[];
}

/** Sums a heap snapshot's self sizes by kind; Blink's own objects ('native') are left out, as Runtime.getHeapUsage leaves them out. */
export function splitSnapshot(json: SnapshotJson): HeapSplit {
  const fields = json.snapshot.meta.node_fields;
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  const types = json.snapshot.meta.node_types[0];
  let code = 0;
  let data = 0;
  for (let i = 0; i < json.nodes.length; i += fields.length) {
    const type = types[json.nodes[i + typeAt] ?? -1];
    const size = json.nodes[i + sizeAt] ?? 0;
    if (type === 'code') code += size;
    else if (type !== 'native' && type !== 'synthetic') data += size;
  }
  return { code, data };
}

/** Takes a heap snapshot of the page (after a garbage collection) and splits it by kind. */
export async function snapshotSplit(page: Page): Promise<HeapSplit> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', (p: { chunk: string }) => chunks.push(p.chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return splitSnapshot(JSON.parse(chunks.join('')) as SnapshotJson);
}
