import { describe, expect, it } from 'vitest';
import { splitSnapshot } from './heap-split';

const meta = {
  node_fields: ['type', 'name', 'id', 'self_size', 'edge_count'],
  node_types: [['hidden', 'array', 'string', 'object', 'code', 'closure', 'native', 'synthetic']] as [string[]],
};

describe('splitSnapshot', () => {
  it('sums code apart from data and leaves Blink and synthetic nodes out', () => {
    const nodes = [7, 0, 1, 0, 0, 4, 0, 2, 500, 0, 4, 0, 3, 250, 0, 3, 0, 4, 40, 0, 2, 0, 5, 30, 0, 5, 0, 6, 20, 0, 6, 0, 7, 9000, 0];
    expect(splitSnapshot({ snapshot: { meta }, nodes })).toEqual({ code: 750, data: 90 });
  });

  it('reads the fields in the order the snapshot names them', () => {
    const reordered = { node_fields: ['self_size', 'type', 'name'], node_types: meta.node_types };
    expect(splitSnapshot({ snapshot: { meta: reordered }, nodes: [64, 4, 0, 16, 3, 0] })).toEqual({ code: 64, data: 16 });
  });
});
