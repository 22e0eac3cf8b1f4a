/**
 * Our own drawn icons, as Canvas 2D paths on a square of side `s`: the red phone and one glyph per
 * rung of the escalation ladder. The boot scene paints them once into textures.
 */

type Ctx = CanvasRenderingContext2D;

function roundRect(ctx: Ctx, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** A desk telephone with its handset on the cradle. */
export function drawPhone(ctx: Ctx, s: number, body: string, detail: string): void {
  const u = s / 128;
  ctx.fillStyle = body;
  roundRect(ctx, 22 * u, 30 * u, 84 * u, 16 * u, 8 * u);
  ctx.fill();
  roundRect(ctx, 10 * u, 36 * u, 30 * u, 24 * u, 9 * u);
  ctx.fill();
  roundRect(ctx, 88 * u, 36 * u, 30 * u, 24 * u, 9 * u);
  ctx.fill();
  ctx.beginPath();
  ctx.moveTo(34 * u, 66 * u);
  ctx.lineTo(94 * u, 66 * u);
  ctx.quadraticCurveTo(104 * u, 66 * u, 108 * u, 78 * u);
  ctx.lineTo(116 * u, 106 * u);
  ctx.quadraticCurveTo(118 * u, 114 * u, 110 * u, 114 * u);
  ctx.lineTo(18 * u, 114 * u);
  ctx.quadraticCurveTo(10 * u, 114 * u, 12 * u, 106 * u);
  ctx.lineTo(20 * u, 78 * u);
  ctx.quadraticCurveTo(24 * u, 66 * u, 34 * u, 66 * u);
  ctx.closePath();
  ctx.fill();
  ctx.fillStyle = detail;
  ctx.beginPath();
  ctx.arc(64 * u, 91 * u, 15 * u, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = body;
  ctx.beginPath();
  ctx.arc(64 * u, 91 * u, 5 * u, 0, Math.PI * 2);
  ctx.fill();
  for (let i = 0; i < 8; i++) {
    const a = -Math.PI / 2 + (i * Math.PI * 2) / 10;
    ctx.beginPath();
    ctx.arc(64 * u + Math.cos(a) * 10.5 * u, 91 * u + Math.sin(a) * 10.5 * u, 2 * u, 0, Math.PI * 2);
    ctx.fill();
  }
}

function stroke(ctx: Ctx, points: readonly (readonly [number, number])[], u: number, close = false): void {
  ctx.beginPath();
  points.forEach(([x, y], i) => {
    i === 0 ? ctx.moveTo(x * u, y * u) : ctx.lineTo(x * u, y * u);
  });
  if (close) ctx.closePath();
  ctx.stroke();
}

const RUNG_GLYPHS: Readonly<Record<string, (ctx: Ctx, u: number) => void>> = {
  quiet_diplomacy: (ctx, u) => {
    roundRect(ctx, 6 * u, 10 * u, 32 * u, 22 * u, 6 * u);
    ctx.stroke();
    stroke(
      ctx,
      [
        [14, 32],
        [12, 40],
        [22, 32],
      ],
      u,
    );
    roundRect(ctx, 26 * u, 26 * u, 32 * u, 22 * u, 6 * u);
    ctx.stroke();
    stroke(
      ctx,
      [
        [50, 48],
        [52, 56],
        [42, 48],
      ],
      u,
    );
  },
  formal_request: (ctx, u) => {
    roundRect(ctx, 8 * u, 16 * u, 48 * u, 34 * u, 3 * u);
    ctx.stroke();
    stroke(
      ctx,
      [
        [8, 18],
        [32, 36],
        [56, 18],
      ],
      u,
    );
  },
  public_attribution: (ctx, u) => {
    stroke(
      ctx,
      [
        [10, 26],
        [22, 26],
        [46, 12],
        [46, 52],
        [22, 38],
        [10, 38],
      ],
      u,
      true,
    );
    stroke(
      ctx,
      [
        [18, 38],
        [22, 52],
        [30, 52],
        [27, 40],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [52, 24],
        [58, 20],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [52, 40],
        [58, 44],
      ],
      u,
    );
  },
  indictment: (ctx, u) => {
    ctx.save();
    ctx.translate(28 * u, 26 * u);
    ctx.rotate(-Math.PI / 4);
    roundRect(ctx, -14 * u, -7 * u, 28 * u, 14 * u, 3 * u);
    ctx.stroke();
    stroke(
      ctx,
      [
        [0, 7],
        [0, 34],
      ],
      u,
    );
    ctx.restore();
    stroke(
      ctx,
      [
        [30, 54],
        [58, 54],
      ],
      u,
    );
  },
  targeted_sanctions: (ctx, u) => {
    ctx.beginPath();
    ctx.arc(32 * u, 32 * u, 20 * u, 0, Math.PI * 2);
    ctx.stroke();
    ctx.beginPath();
    ctx.arc(32 * u, 32 * u, 9 * u, 0, Math.PI * 2);
    ctx.stroke();
    stroke(
      ctx,
      [
        [32, 4],
        [32, 18],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [32, 46],
        [32, 60],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [4, 32],
        [18, 32],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [46, 32],
        [60, 32],
      ],
      u,
    );
  },
  broad_sanctions: (ctx, u) => {
    roundRect(ctx, 6 * u, 22 * u, 52 * u, 16 * u, 2 * u);
    ctx.stroke();
    stroke(
      ctx,
      [
        [16, 22],
        [24, 38],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [30, 22],
        [38, 38],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [44, 22],
        [52, 38],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [12, 38],
        [12, 56],
      ],
      u,
    );
    stroke(
      ctx,
      [
        [52, 38],
        [52, 56],
      ],
      u,
    );
  },
  cyber_retaliation: (ctx, u) => {
    stroke(
      ctx,
      [
        [36, 4],
        [14, 36],
        [30, 36],
        [24, 60],
        [50, 24],
        [34, 24],
        [40, 4],
      ],
      u,
      true,
    );
  },
};

/** The ids that have a glyph of their own; any other rung gets a numbered plate. */
export const RUNG_GLYPH_IDS: readonly string[] = Object.keys(RUNG_GLYPHS);

/** One rung's glyph, a line drawing on a 64-unit square scaled to `s`. */
export function drawRungGlyph(ctx: Ctx, id: string, s: number, color: string): void {
  const u = s / 64;
  ctx.strokeStyle = color;
  ctx.lineWidth = 4 * u;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const glyph = RUNG_GLYPHS[id];
  if (glyph !== undefined) {
    glyph(ctx, u);
    return;
  }
  roundRect(ctx, 10 * u, 10 * u, 44 * u, 44 * u, 6 * u);
  ctx.stroke();
}
