/**
 * Runs several `scenario …` commands in this one process, as the command line runs each: the argument
 * lists come as JSON on stdin, and stdout is a JSON list of {code, out, err}. The browser tests start
 * it once per file in another time zone and locale than the page's (cli.ts), instead of one process per
 * command: a process start with tsx costs about 2.5 CPU-seconds on a 2-core machine.
 */
import { text } from 'node:stream/consumers';
import { runCli } from '../../src/cli/main';

const argvs = JSON.parse(await text(process.stdin)) as readonly (readonly string[])[];
const results: { code: number; out: string; err: string }[] = [];
for (const argv of argvs) {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    cwd: process.cwd(),
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
    stdin: null,
    stderrIsTTY: false,
  });
  results.push({ code, out, err });
}
process.stdout.write(JSON.stringify(results));
