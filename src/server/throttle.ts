/** At most one run per key every `everyMs`: a call inside the wait runs once at its end (the last state is always sent). */
export class Throttle {
  private readonly last = new Map<string, number>();
  private readonly due = new Map<string, NodeJS.Timeout>();

  constructor(private readonly everyMs: number) {}

  run(key: string, fn: () => void): void {
    if (this.due.has(key)) return;
    const wait = (this.last.get(key) ?? 0) + this.everyMs - Date.now();
    const now = (): void => {
      this.due.delete(key);
      this.last.set(key, Date.now());
      fn();
    };
    if (wait <= 0) now();
    else this.due.set(key, setTimeout(now, wait));
  }

  close(): void {
    for (const t of this.due.values()) clearTimeout(t);
    this.due.clear();
  }
}
