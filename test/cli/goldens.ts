/** The CLI's golden outputs: each an argument list and the file holding its exact stdout. */
export const GOLDENS: readonly { readonly file: string; readonly args: readonly string[] }[] = [
  { file: 'test/cli/golden/play-minimal-us.txt', args: ['play', 'test/fixtures/valid/minimal.yaml', '--seed', 'K7Q3', '--choose', '1,2'] },
  { file: 'test/cli/golden/play-minimal-ledger.txt', args: ['play', 'test/fixtures/valid/minimal.yaml', '--seed', 'A', '--choose', '1,1'] },
  { file: 'test/cli/golden/play-minimal-both.txt', args: ['play', 'test/fixtures/valid/minimal.yaml', '--seed', 'K7Q3', '--side', 'both', '--choose', '2:2,1:1'] },
  { file: 'test/cli/golden/sim-minimal.txt', args: ['sim', 'test/fixtures/valid/minimal.yaml', '--runs', '200', '--seed', 'pin'] },
];
