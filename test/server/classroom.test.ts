/**
 * The class session model without sockets: the turn timer gives each unlocked team side its default
 * option (an ordinary choice in the log), pause stops it, a side the model plays needs no lock, an
 * override forces an outcome, and the file store's log survives a reopen with its compare-and-set.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultOption, start } from '../../src/engine';
import { Classroom } from '../../src/server/classroom';
import { type ClassStore, MemoryStore } from '../../src/server/events';
import { FileStore } from '../../src/server/file-store';
import type { ClassSession, Group } from '../../src/server/session';
import { createMessage, HOST_KEY, scenarios } from './helpers';

const open = (store: ClassStore = new MemoryStore()): Promise<Classroom> => Classroom.open({ store, scenarios: scenarios(), hostKey: HOST_KEY, warn: () => {} });

async function created(room: Classroom, over: Parameters<typeof createMessage>[0] = {}): Promise<ClassSession> {
  const r = await room.create(createMessage(over));
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

describe('the turn timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives each unlocked team side its default option when time runs out, and pause stops it', async () => {
    const room = await open();
    const s = await created(room, { timerMinutes: 1, groups: 2, players: { us: 'team', cn: 'model' } });
    const g1 = s.group(1) as Group;
    const g2 = s.group(2) as Group;
    expect((await room.pause(s, { group: 2, on: true })).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(60_500);
    expect(g1.actions.length).toBe(1);
    const fallback = defaultOption(s.scenario, start(s.scenario, s.config.seed, s.controllers), 'us');
    expect(g1.actions[0]).toEqual({ kind: 'turn', us: fallback?.id });
    expect(g2.actions.length).toBe(0);
    expect((await room.extend(s, { minutes: 1 })).ok).toBe(true);
    expect((await room.pause(s, { on: false })).ok).toBe(true);
    await vi.advanceTimersByTimeAsync(60_500);
    expect(g2.actions.length).toBe(0);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(g2.actions.length).toBe(1);
    expect(g1.actions.length).toBe(2);
    await room.close();
  });
});

describe('sessions', () => {
  it('a side the model plays needs no lock and cannot be joined; an override forces the outcome', async () => {
    const room = await open();
    const s = await created(room, { players: { us: 'model', cn: 'team' }, groups: 1, seed: 'TESTSEED' });
    const refused = await room.join({ code: s.config.joinCode.toLowerCase(), group: 1, side: 'us' });
    expect(refused.ok ? 'ok' : refused.code).toBe('not-allowed');
    const joined = await room.join({ code: s.config.joinCode.toLowerCase(), group: 1, side: 'cn' });
    if (!joined.ok) throw new Error(joined.message);
    const g = s.group(1) as Group;
    const state = s.stateOf(g);
    const option = s.scenario.beats.get(state.beat)?.options.cn[0];
    const outcome = option?.outcomes[option.outcomes.length - 1]?.id ?? '';
    expect((await room.override(s, { group: 1, side: 'cn', outcome })).ok).toBe(true);
    expect((await room.choose(s, joined.value.seat, { turn: 0, option: option?.id ?? '' })).ok).toBe(true);
    expect(g.actions).toEqual([{ kind: 'turn', cn: option?.id, force: { cn: outcome } }]);
    const record = s.stateOf(g).log[0];
    expect(record?.kind === 'turn' && record.moves.find((m) => m.side === 'cn')?.forced).toBe(true);
    await room.close();
  });

  it('the file store restores sessions, seats, locks and logs, and appends only at the expected length', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'class-store-'));
    try {
      const room = await open(new FileStore(dir, () => {}));
      const s = await created(room, { groups: 1 });
      const us = await room.join({ code: s.config.joinCode, group: 1, side: 'us' });
      const cn = await room.join({ code: s.config.joinCode, group: 1, side: 'cn' });
      if (!us.ok || !cn.ok) throw new Error('no seat');
      const state = s.stateOf(s.group(1) as Group);
      const pick = (side: 'us' | 'cn'): string => s.scenario.beats.get(state.beat)?.options[side][0]?.id ?? '';
      await room.choose(s, us.value.seat, { turn: 0, option: pick('us') });
      await room.choose(s, cn.value.seat, { turn: 0, option: pick('cn') });
      const turn1 = s.stateOf(s.group(1) as Group);
      await room.choose(s, us.value.seat, { turn: 1, option: turn1.ending === null ? (s.scenario.beats.get(turn1.beat)?.options.us[0]?.id ?? '') : '' });
      await room.close();

      const store = new FileStore(dir, () => {});
      const again = await open(store);
      const back = again.sessions.get(s.id);
      if (back === undefined) throw new Error('not restored');
      const g = back.group(1) as Group;
      expect(g.actions).toEqual((s.group(1) as Group).actions);
      expect(g.locks).toEqual((s.group(1) as Group).locks);
      expect((await again.seatOf(us.value.seat.token))?.seat.side).toBe('us');
      expect(back.commitment).toBe(s.commitment);
      const stale = await store.appendAction(s.id, { t: 'action', group: 1, n: 0, action: { kind: 'inject', inject: 'x' }, at: 0 });
      expect(stale).toBe(false);
      // A second process on the same folder is refused while the first is alive.
      writeFileSync(join(dir, 'server.lock'), `${process.ppid}\n`);
      expect(() => new FileStore(dir, () => {})).toThrow(/in use by process/);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
