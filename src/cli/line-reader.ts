/** Lines typed at the keyboard (or piped in), one at a time, through node:readline. */
import { createInterface } from 'node:readline';

export interface LineReader {
  /** The next line, or null once the input has ended. */
  next(): Promise<string | null>;
  close(): void;
}

/** A reader over `input`; with no input every call to `next` returns null. */
export function lineReader(input: NodeJS.ReadableStream | null): LineReader {
  if (input === null) return { next: async () => null, close: () => undefined };
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  const lines = rl[Symbol.asyncIterator]();
  return {
    next: async () => {
      const r = await lines.next();
      return r.done === true ? null : (r.value as string);
    },
    close: () => rl.close(),
  };
}
