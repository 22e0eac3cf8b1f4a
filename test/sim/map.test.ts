import { describe, expect, it } from 'vitest';
import { buildMap, percentOf, sampleRuns } from '../../src/sim/map';
import { layoutMap } from '../../src/sim/map-layout';
import { mapToMermaid, mermaidIds } from '../../src/sim/map-mermaid';
import { MINIMAL_PATH, minimalText, scenarioAt, scenarioFromText } from '../golden/scenarios';

const minimal = scenarioAt(MINIMAL_PATH);

describe('scenario map', () => {
  it('has every beat and ending of the minimal scenario, layered by distance from the start', () => {
    const map = buildMap(minimal);
    expect(map.nodes.map((n) => `${n.kind}:${n.id}@${n.layer}.${n.order}`)).toEqual([
      'beat:opening@0.0',
      'beat:response@1.0',
      'beat:showdown@1.1',
      'ending:deal@2.0',
      'ending:stalemate@2.1',
      'ending:crisis@3.0',
    ]);
    expect(map.edges.map((e) => `${e.from}>${e.to} [${e.via.join('; ')}]`)).toEqual([
      'opening>showdown [us go_public → named]',
      'opening>response [next]',
      'response>deal [us call_hotline → answered]',
      'response>stalemate [next]',
      'showdown>stalemate [next]',
    ]);
    expect(map.conditional).toEqual([
      { id: 'stalemate', title: 'Stalemate', tone: { us: 'mixed', cn: 'mixed' }, when: 'turn limit (4 turns)' },
      { id: 'crisis', title: 'Open crisis', tone: { us: 'failure', cn: 'failure' }, when: 'escalation >= 70' },
    ]);
    expect(map.nodes.every((n) => n.reached === null)).toBe(true);
  });

  it('counts a seeded sample the same way twice, the start in every run', () => {
    const a = buildMap(minimal, sampleRuns(minimal, { runs: 300, seed: 'map' }));
    const b = buildMap(minimal, sampleRuns(minimal, { runs: 300, seed: 'map' }));
    expect(a).toEqual(b);
    expect(a.runs).toBe(300);
    expect(a.nodes.find((n) => n.id === 'opening')?.reached).toBe(300);
    const endings = a.nodes.filter((n) => n.kind === 'ending').reduce((sum, n) => sum + (n.reached ?? 0), 0);
    expect(endings).toBe(300);
    const goPublic = a.edges.find((e) => e.to === 'showdown');
    expect(goPublic?.taken).toBe(a.nodes.find((n) => n.id === 'showdown')?.reached);
  });

  it('rounds percentages half up and gives 0 for an empty sample', () => {
    expect(percentOf(1, 8)).toBe(13);
    expect(percentOf(62, 100)).toBe(62);
    expect(percentOf(0, 0)).toBe(0);
  });

  it('lays out deterministically: rows by layer, lines thicker for edges taken more', () => {
    const map = buildMap(minimal, sampleRuns(minimal, { runs: 200, seed: 'layout' }));
    const layout = layoutMap(map);
    expect(layout).toEqual(layoutMap(map));
    expect(layout.boxes.size).toBe(map.nodes.length);
    const y = (id: string): number => layout.boxes.get(id)?.y ?? -1;
    expect(y('opening')).toBeLessThan(y('response'));
    expect(y('response')).toBe(y('showdown'));
    expect(y('showdown')).toBeLessThan(y('deal'));
    expect(layout.lines).toHaveLength(map.edges.length);
    for (const line of layout.lines) expect(line.width).toBeGreaterThanOrEqual(1);
    const widthOf = (to: string): number => layout.lines.find((l) => l.edge.from === 'opening' && l.edge.to === to)?.width ?? 0;
    const taken = (to: string): number => map.edges.find((e) => e.from === 'opening' && e.to === to)?.taken ?? 0;
    expect(Math.sign(widthOf('response') - widthOf('showdown'))).toBe(Math.sign(taken('response') - taken('showdown')));
  });
});

describe('Mermaid export', () => {
  it('prints the minimal scenario as a fixed flowchart', () => {
    expect(mapToMermaid(buildMap(minimal))).toBe(
      [
        'flowchart TD',
        '  b_opening["The breach"]',
        '  b_response["The answer"]',
        '  b_showdown["Showdown"]',
        '  e_deal(["A quiet deal (success for both)"])',
        '  e_stalemate(["Stalemate (mixed for both)"])',
        '  e_crisis(["Open crisis (failure for both)"])',
        '  b_opening -->|"us go_public → named"| b_showdown',
        '  b_opening -->|"next"| b_response',
        '  b_response -->|"us call_hotline → answered"| e_deal',
        '  b_response -->|"next"| e_stalemate',
        '  b_showdown -->|"next"| e_stalemate',
        '  %% e_stalemate can end play from any beat: turn limit (4 turns)',
        '  %% e_crisis can end play from any beat: escalation >= 70',
        '',
      ].join('\n'),
    );
  });

  it('sanitises ids, keeps them unique, and escapes quotes in labels', () => {
    const base = buildMap(scenarioFromText(minimalText().replace('title: The breach', 'title: The "breach" <b>'), 'quoted.yaml'));
    const map = { ...base, nodes: [...base.nodes, { ...base.nodes[0]!, id: 'open-ing', order: 1 }, { ...base.nodes[0]!, id: 'open.ing', order: 2 }] };
    const ids = mermaidIds(map);
    expect(ids.get('open-ing')).toBe('b_open_ing');
    expect(ids.get('open.ing')).toBe('b_open_ing_2');
    expect(ids.get('deal')).toBe('e_deal');
    const mermaid = mapToMermaid(map);
    expect(mermaid.startsWith('flowchart TD\n')).toBe(true);
    expect(mermaid).toContain('  b_opening["The #quot;breach#quot; #lt;b#gt;"]\n');
    for (const id of ids.values()) expect(id).toMatch(/^[be]_[A-Za-z0-9_]+$/);
    for (const n of map.nodes) expect(mermaid).toContain(`  ${ids.get(n.id)}`);
  });
});
