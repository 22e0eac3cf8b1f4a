/**
 * The network bench's floor: a bare socket.io 4.8 server speaking the shape of the class protocol and
 * nothing more (the `floor` of class-peer-bench.mjs, with our event names): host:create and seat:join
 * answered at once; seat:choose acknowledged, then a fixed view of about the size of a real seat view
 * to both seats of the group (the turn counted as resolved once both have chosen) and a fixed summary to
 * the class's facilitator. No engine, no store, no checks: what any server on this transport costs.
 *
 *   node --import tsx test/bench/network-floor.ts <port> <view bytes> <turns per run>
 */
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';

const [port, viewBytes, turns] = process.argv.slice(2).map(Number) as [number, number, number];

interface FloorGroup {
  seen: number;
  chosen: Set<string>;
}

const padding = 'x'.repeat(Math.max(0, viewBytes - 300));
const viewOf = (group: number, seen: number, locked: number): object => ({
  protocol: 1,
  group,
  seen,
  turn: seen,
  options: [
    { id: 'a', label: 'A' },
    { id: 'b', label: 'B' },
  ],
  locked: { mine: null, us: locked > 0, cn: locked > 1 },
  ending: seen >= turns ? { title: 'The end', text: '', tone: 'mixed' } : null,
  text: padding,
});

const http = createServer();
const io = new Server(http, { serveClient: false, maxHttpBufferSize: 16_384 });
const classes: { groups: Map<number, FloorGroup>; fac: Socket }[] = [];

io.on('connection', (socket) => {
  socket.on('host:create', (m: { groups: number }, ack: (a: object) => void) => {
    classes.push({ groups: new Map(), fac: socket });
    ack({ ok: true, value: { session: String(classes.length - 1), facToken: '', view: { joinCode: String(classes.length - 1), groups: m.groups } } });
  });
  socket.on('seat:join', (m: { code: string; group: number; side: 'us' | 'cn' }, ack: (a: object) => void) => {
    const k = classes[Number(m.code)];
    if (k === undefined) return ack({ ok: false, code: 'bad-code', message: 'no class' });
    if (!k.groups.has(m.group)) k.groups.set(m.group, { seen: 0, chosen: new Set() });
    const room = `${m.code}:${m.group}`;
    socket.join(room);
    socket.data = { room, k, group: m.group, side: m.side };
    ack({ ok: true, value: { seatToken: '', view: viewOf(m.group, 0, 0) } });
  });
  socket.on('seat:choose', (_m: { turn: number; option: string }, ack: (a: object) => void) => {
    const d = socket.data as { room: string; k: (typeof classes)[number]; group: number; side: string };
    const g = d.k.groups.get(d.group) as FloorGroup;
    g.chosen.add(d.side);
    if (g.chosen.size === 2) {
      g.seen++;
      g.chosen.clear();
    }
    ack({ ok: true, value: null });
    io.to(d.room).emit('seat:view', viewOf(d.group, g.seen, g.chosen.size));
    d.k.fac.emit('fac:view', { group: d.group, seen: g.seen, locked: g.chosen.size });
  });
});

http.listen(port, '127.0.0.1', () => process.stdout.write(`class server ready on port ${port}\n`));
process.on('SIGTERM', () => process.exit(0));
