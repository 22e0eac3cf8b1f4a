/**
 * One class, two languages: a seat that joins in Chinese reads the story in Chinese and its partner
 * in English, turn by turn, in the same game; a reloaded Chinese seat (resume) keeps its language;
 * the class's replay is the game the English scenario gives.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReplay, parseReplay } from '../../src/engine';
import type { FacView, SeatView } from '../../src/net/protocol';
import { client, host, localised, nextView, playToEnd, scenarios, seat, send, startTestServer, type TestServer, value } from './helpers';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer();
});
afterAll(async () => {
  await srv.close();
});

const ID = 'hotline-unanswered';
const HAN = /[\u4e00-\u9fff]/;

describe('a class in two languages', () => {
  it('the US seat reads Chinese, the Chinese seat English: the same turns, each in its words, and one replay', async () => {
    const en = scenarios().get(ID);
    const zh = localised().get(ID)?.get('zh-Hans');
    if (en === undefined || zh === undefined) throw new Error(`${ID} is not shipped in both languages`);
    const fac = await host(srv.url, { scenarioId: ID, groups: 1, oddsHidden: false });
    const us = await seat(srv.url, fac.created.view.joinCode, 1, 'us', 'zh-Hans');
    const cn = await seat(srv.url, fac.created.view.joinCode, 1, 'cn', 'en');
    const sockets = [us.socket, cn.socket];
    try {
      const first = { us: us.joined.view, cn: cn.joined.view };
      expect(first.us.scenario.title).toBe(zh.file.title);
      expect(first.cn.scenario.title).toBe(en.file.title);
      const beat = (s: typeof en, v: SeatView): string => s.file.beats.find((b) => b.title === v.beatTitle)?.id ?? `(no beat titled ${v.beatTitle})`;
      expect(beat(zh, first.us)).toBe(beat(en, first.cn));
      expect(first.us.options?.every((o) => HAN.test(o.label))).toBe(true);

      // A turn later: each seat's view in its own language, of the same beat.
      const nextUs = nextView(us.socket, (v) => v.seen > first.us.seen);
      const nextCn = nextView(cn.socket, (v) => v.seen > first.cn.seen);
      value(await send(us.socket, 'seat:choose', { turn: first.us.turn, option: first.us.options?.[0]?.id ?? '' }));
      value(await send(cn.socket, 'seat:choose', { turn: first.cn.turn, option: first.cn.options?.[0]?.id ?? '' }));
      const second = { us: await nextUs, cn: await nextCn };
      expect(second.us.turn).toBe(second.cn.turn);
      expect(beat(zh, second.us)).toBe(beat(en, second.cn));
      const outcome = (v: SeatView): string => v.last?.moves.find((mv) => mv.side === v.side)?.outcome ?? '';
      expect(outcome(second.us)).toMatch(HAN);
      expect(outcome(second.cn)).not.toMatch(HAN);
      // The draw, shown with the odds, in each seat's words.
      const draw = (v: SeatView): string => v.last?.moves.find((mv) => mv.side === v.side)?.draw ?? '';
      expect(draw(second.us)).toMatch(HAN);
      expect(draw(second.cn)).toMatch(/chance|certain/i);
      expect(second.us.rungs.us).toMatch(HAN);
      expect(second.cn.rungs.us).not.toMatch(HAN);
      // A console reading Chinese: the class's title and each group's card in Chinese; the English console as before.
      const zhFac = value(await send<FacView>(fac.socket, 'host:resume', { session: fac.created.session, facToken: fac.created.facToken, lang: 'zh-Hans' }));
      expect(zhFac.scenario.title).toBe(zh.file.title);
      expect(zhFac.groups[0]?.indicators.every((i) => HAN.test(i.label))).toBe(true);
      const enFac = value(await send<FacView>(fac.socket, 'host:resume', { session: fac.created.session, facToken: fac.created.facToken }));
      expect(enFac.scenario.title).toBe(en.file.title);

      // A reloaded Chinese seat resumes in Chinese.
      const again = await client(srv.url);
      sockets.push(again);
      const resumed = value(await send<SeatView>(again, 'seat:resume', { seatToken: us.joined.seatToken, seen: 0, lang: 'zh-Hans' }));
      expect(resumed.beatTitle).toBe(second.us.beatTitle);

      const last = await playToEnd(us.socket, cn.socket, second);
      expect(last.us.ending?.title).toMatch(HAN);
      expect(last.cn.ending?.title).not.toMatch(HAN);
      value(await send(fac.socket, 'fac:reveal', {}));
      const view = value(await send<FacView>(fac.socket, 'host:resume', { session: fac.created.session, facToken: fac.created.facToken }));
      const parsed = parseReplay(view.groups[0]?.replay ?? '', `${ID}.json`);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const checked = checkReplay(en, parsed.value);
      expect(checked.ok ? checked.value.state.ending : checked.error.message).not.toBeNull();
    } finally {
      for (const s of sockets) s.disconnect();
      fac.socket.disconnect();
    }
  });
});
