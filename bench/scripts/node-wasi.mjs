// Runs a WASI preview1 module under Node's V8 (node:wasi): node node-wasi.mjs MODULE [ARGS...]
// Exits with the guest's exit code. Compilation is included in the process time, as for every
// other engine in the comparison.
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';
import { argv, exit } from 'node:process';

const [modulePath, ...args] = argv.slice(2);
const wasi = new WASI({ version: 'preview1', args: [modulePath, ...args], env: {}, returnOnExit: true });
const module = await WebAssembly.compile(await readFile(modulePath));
const instance = await WebAssembly.instantiate(module, wasi.getImportObject());
exit(wasi.start(instance));
