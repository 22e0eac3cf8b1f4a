/**
 * Runs several `scenario …` commands in this one process, as the command line runs each (the unit
 * tests' in-process `cli`, test/cli/harness.ts): the argument lists come as JSON on stdin, and stdout
 * is a JSON list of {code, out, err}. The browser tests start it once per file in another time zone and
 * locale than the page's (cli.ts), instead of one process per command: a process start with tsx costs
 * about 2.5 CPU-seconds on a 2-core machine.
 */
import { text } from 'node:stream/consumers';
import { cli, type Ran } from '../cli/harness';

const argvs = JSON.parse(await text(process.stdin)) as readonly (readonly string[])[];
const results: Ran[] = [];
for (const argv of argvs) results.push(await cli(argv));
process.stdout.write(JSON.stringify(results));
