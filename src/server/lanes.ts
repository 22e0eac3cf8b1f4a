/**
 * The order of one session's commands: each group's commands run one at a time in that group's lane,
 * the lanes of different groups side by side (their events touch only their own group, so they commute);
 * a command for the whole session (join, pause or extend of every group, reveal) waits for every lane
 * and every later command waits for it. A refused or failed command never blocks the ones after it.
 */
const settled = (p: Promise<unknown>): Promise<void> =>
  p.then(
    () => undefined,
    () => undefined,
  );

export class Lanes {
  private barrier: Promise<void> = Promise.resolve();
  private readonly lanes = new Map<number, Promise<void>>();

  /** Runs `fn` in the lane of group `lane`, or (null) alone, after everything queued before it. */
  run<T>(lane: number | null, fn: () => Promise<T>): Promise<T> {
    if (lane === null) {
      const next = Promise.all([this.barrier, ...this.lanes.values()]).then(fn);
      this.barrier = settled(next);
      this.lanes.clear();
      return next;
    }
    const next = Promise.all([this.barrier, this.lanes.get(lane)]).then(fn);
    this.lanes.set(lane, settled(next));
    return next;
  }

  /** Resolves when everything queued so far has run. */
  idle(): Promise<void> {
    return settled(Promise.all([this.barrier, ...this.lanes.values()]));
  }
}
