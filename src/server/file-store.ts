/**
 * The embedded store: each class session in its own file under the data folder, `<session>.jsonl`,
 * one JSON line per event, each written with fsync before the server answers. Events appended while a
 * write is under way are written together after it, with one fsync per file (a group commit), on
 * libuv's threads, so a busy class waits for the disk once per batch, not once per event. On start every file is
 * read back; a torn last line (the process killed mid-write) is cut off with a warning, and any other
 * damaged line is skipped with a warning: a bad file never stops the server.
 */
import { closeSync, fsync, fsyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, write, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActionEvent, ClassEvent, type ClassStore, LogLengths, type SessionConfig, type StoredSession } from './events';

const SESSION_FILE = /^[A-Za-z0-9_-]{4,32}\.jsonl$/;

interface Pending {
  readonly fd: number;
  readonly line: string;
  readonly done: (e: Error | null) => void;
}

/** Writes `text` at the end of `fd` and syncs it to the disk. */
const writeAndSync = (fd: number, text: string): Promise<void> =>
  new Promise((resolve, reject) => {
    write(fd, text, null, 'utf8', (e) => {
      if (e !== null) reject(e);
      else fsync(fd, (f) => (f === null ? resolve() : reject(f)));
    });
  });

export class FileStore implements ClassStore {
  private readonly fds = new Map<string, number>();
  private readonly lengths = new LogLengths();
  private pending: Pending[] = [];
  private writing: Promise<void> | null = null;

  constructor(
    readonly dir: string,
    private readonly warn: (text: string) => void = (t) => process.stderr.write(`${t}\n`),
  ) {
    mkdirSync(dir, { recursive: true });
    this.lock();
  }

  /**
   * One process per data folder: its compare-and-set lives in this process's memory. A lock file names
   * the owner's pid; a lock left by a process that is gone (killed) is taken over.
   */
  private lock(): void {
    const file = join(this.dir, 'server.lock');
    let owner = Number.NaN;
    try {
      owner = Number(readFileSync(file, 'utf8').trim());
    } catch {
      // no lock yet
    }
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner)) throw new Error(`the data folder ${this.dir} is in use by process ${owner}`);
    writeFileSync(file, `${process.pid}\n`);
  }

  private fileOf(session: string): string {
    if (!SESSION_FILE.test(`${session}.jsonl`)) throw new Error(`bad session id ${JSON.stringify(session)}`);
    return join(this.dir, `${session}.jsonl`);
  }

  /** Queues the event's line; resolves once it is written and synced. */
  private write(session: string, event: ClassEvent): Promise<void> {
    let fd = this.fds.get(session);
    if (fd === undefined) {
      fd = openSync(this.fileOf(session), 'a');
      this.fds.set(session, fd);
    }
    const line = `${JSON.stringify(event)}\n`;
    return new Promise((resolve, reject) => {
      this.pending.push({ fd, line, done: (e) => (e === null ? resolve() : reject(e)) });
      this.writing ??= this.flush();
    });
  }

  /** Writes every queued line, one write and one fsync per file, until nothing is queued. */
  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      const texts = new Map<number, string>();
      for (const p of batch) texts.set(p.fd, (texts.get(p.fd) ?? '') + p.line);
      const failed = new Map<number, Error>();
      await Promise.all([...texts].map(([fd, text]) => writeAndSync(fd, text).catch((e: unknown) => failed.set(fd, e instanceof Error ? e : new Error(String(e))))));
      for (const p of batch) p.done(failed.get(p.fd) ?? null);
    }
    this.writing = null;
  }

  create(config: SessionConfig): Promise<void> {
    return this.write(config.session, { t: 'session', config });
  }

  append(session: string, event: Exclude<ClassEvent, ActionEvent | { t: 'session' }>): Promise<void> {
    return this.write(session, event);
  }

  async appendAction(session: string, event: ActionEvent): Promise<boolean> {
    if (this.lengths.get(session, event.group) !== event.n) return false;
    this.lengths.set(session, event.group, event.n + 1);
    try {
      await this.write(session, event);
    } catch (e) {
      if (this.lengths.get(session, event.group) === event.n + 1) this.lengths.set(session, event.group, event.n);
      throw e;
    }
    return true;
  }

  async loadAll(): Promise<StoredSession[]> {
    const out: StoredSession[] = [];
    const names = readdirSync(this.dir).filter((n) => SESSION_FILE.test(n));
    names.sort();
    for (const name of names) {
      const session = name.slice(0, -'.jsonl'.length);
      const events = this.readFile(join(this.dir, name));
      const first = events[0];
      if (first === undefined || first.t !== 'session' || first.config.session !== session) {
        this.warn(`class data: ${name} does not start with its session record; left out`);
        continue;
      }
      this.lengths.countAll(session, events);
      out.push({ session, events });
    }
    return out;
  }

  private readFile(file: string): ClassEvent[] {
    let text = readFileSync(file, 'utf8');
    const end = text.lastIndexOf('\n') + 1;
    if (end < text.length) {
      this.warn(`class data: ${file} ends in a torn line (the server stopped mid-write); it is cut off`);
      const fd = openSync(file, 'r+');
      try {
        ftruncateSync(fd, Buffer.byteLength(text.slice(0, end), 'utf8'));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      text = text.slice(0, end);
    }
    const events: ClassEvent[] = [];
    text.split('\n').forEach((line, i) => {
      if (line === '') return;
      let data: unknown;
      try {
        data = JSON.parse(line);
      } catch {
        this.warn(`class data: ${file} line ${i + 1} is not JSON; skipped`);
        return;
      }
      const parsed = ClassEvent.safeParse(data);
      if (parsed.success) events.push(parsed.data);
      else this.warn(`class data: ${file} line ${i + 1} is not a class event; skipped`);
    });
    return events;
  }

  async close(): Promise<void> {
    await this.writing;
    for (const fd of this.fds.values()) closeSync(fd);
    this.fds.clear();
    rmSync(join(this.dir, 'server.lock'), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
