/**
 * Seats that read the story in another language than English. Every seat of a group plays the same
 * game; only the words of its view differ. English seats share one room per group and side, whose
 * views go through Redis to every process as before; a seat in another language sits in its own room
 * (`…:zh-Hans`) and gets its views from the process it is connected to: on that process's own
 * changes, and when another process says the session changed. Chinese words never cross Redis.
 */
import type { Server } from 'socket.io';
import { OVERLAY_LANGS, type OverlayLang, type Scenario, type Side } from '../engine';
import { S2C, SEAT_LANGS, type SeatLang } from '../net/protocol';
import type { ClassSession } from './session';
import { seatView } from './views';

/** A seat's room: one for the seats reading English, and one for each other language. */
export const seatRoom = (session: string, group: number, side: Side, lang: SeatLang = 'en'): string =>
  lang === 'en' ? `seat:${session}:${group}:${side}` : `seat:${session}:${group}:${side}:${lang}`;

/** A facilitator's room: one for consoles reading English, one for each other language. */
export const facRoom = (session: string, lang: SeatLang = 'en'): string => (lang === 'en' ? `fac:${session}` : `fac:${session}:${lang}`);

export class SeatLangs {
  constructor(
    private readonly io: Server,
    private readonly localised: ReadonlyMap<string, ReadonlyMap<OverlayLang, Scenario>> | undefined,
  ) {}

  /** The scenario whose words a seat in `lang` reads: the class's own, or the same rules in its language. */
  textsOf(s: ClassSession, lang: SeatLang): Scenario {
    return lang === 'en' ? s.scenario : (this.localised?.get(s.scenario.id)?.get(lang) ?? s.scenario);
  }

  /** Sockets in `room` on this process. */
  here(room: string): number {
    return this.io.sockets.adapter.rooms.get(room)?.size ?? 0;
  }

  /** Sends this process's seats in other languages their views (of one group, or of all). */
  send(s: ClassSession, group: number | null, now: number): void {
    for (const lang of OVERLAY_LANGS) {
      for (const g of s.groups) {
        if (group !== null && g.n !== group) continue;
        for (const side of s.teamSides()) {
          const room = seatRoom(s.id, g.n, side, lang);
          if (this.here(room) > 0) this.io.local.to(room).emit(S2C.seatView, seatView(s, { token: '', group: g.n, side }, now, this.textsOf(s, lang)));
        }
      }
    }
  }

  /** Each language a facilitator of the session reads on this process, with its room. */
  facRooms(session: string): { readonly lang: SeatLang; readonly room: string }[] {
    return SEAT_LANGS.map((lang) => ({ lang, room: facRoom(session, lang) })).filter((r) => this.here(r.room) > 0);
  }

  /** Whether a seat of the session reads another language on this process. */
  readsOtherLang(s: ClassSession): boolean {
    return s.groups.some((g) => s.teamSides().some((side) => OVERLAY_LANGS.some((lang) => this.here(seatRoom(s.id, g.n, side, lang)) > 0)));
  }
}
