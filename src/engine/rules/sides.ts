import type { Side } from '../format';

/** The two sides in table order. The rules keep their own copy so that they never import format code. */
export const SIDES: readonly Side[] = ['us', 'cn'];
export const otherSide = (side: Side): Side => (side === 'us' ? 'cn' : 'us');
