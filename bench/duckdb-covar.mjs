// DuckDB on the rows the server's ingest benchmarks use (p columns uniform in ±100, four decimals):
// read_csv + covar_pop over every pair of columns, and the row-by-row appender, in rows per second.
// Needs @duckdb/node-api installed outside the repository (it is not a dependency of the server):
//   mkdir -p /tmp/duckdb && (cd /tmp/duckdb && npm install @duckdb/node-api)
//   node bench/duckdb-covar.mjs /tmp/duckdb [rows=2000000] [p=8]
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const [moduleDir, rowsArg = '2000000', pArg = '8'] = process.argv.slice(2);
if (!moduleDir) {
  console.error('usage: node bench/duckdb-covar.mjs <dir where @duckdb/node-api is installed> [rows] [p]');
  process.exit(2);
}
const rows = Number.parseInt(rowsArg, 10);
const p = Number.parseInt(pArg, 10);
if (!(rows > 0 && rows <= 50_000_000 && p > 0 && p <= 64)) {
  console.error('rows must be 1..50,000,000 and p 1..64');
  process.exit(2);
}
const { DuckDBInstance } = createRequire(join(moduleDir, 'package.json'))('@duckdb/node-api');

const columns = Array.from({ length: p }, (_, j) => `x${j}`);
const values = new Float64Array(rows * p);
let seed = 42;
for (let k = 0; k < values.length; k++) {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  values[k] = Math.round((seed / 2147483648 * 200 - 100) * 1e4) / 1e4;
}
const dir = mkdtempSync(join(tmpdir(), 'duckdb-covar-'));
const csv = join(dir, 'rows.csv');
const lines = [columns.join(',')];
for (let r = 0; r < rows; r++) {
  lines.push(Array.from({ length: p }, (_, j) => values[r * p + j].toFixed(4)).join(','));
}
writeFileSync(csv, lines.join('\n') + '\n');

const pairs = [];
for (let i = 0; i < p; i++) {
  for (let j = i; j < p; j++) {
    pairs.push(`covar_pop(x${i}, x${j})`);
  }
}
const moments = `count(*), ${columns.map((c) => `avg(${c})`).join(', ')}, ${pairs.join(', ')}`;

// Wall clock, and the CPU time of the whole process (all of DuckDB's threads): on a machine shared
// with other jobs, rows per CPU-second is the figure to compare with bin/bench-cpu.
async function timed(label, work) {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  console.log(`${label}: ${seconds.toFixed(2)} s, ${(rows / seconds / 1e6).toFixed(2)} M rows/s;`
    + ` ${cpuSeconds.toFixed(2)} CPU-s, ${(rows / cpuSeconds / 1e6).toFixed(2)} M rows/cpu-s`);
}

try {
  for (const threads of [1, 2]) {
    const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
    const connection = await instance.connect();
    await connection.run(`SELECT count(*) FROM read_csv('${csv}')`); // warm the file cache
    await timed(`threads=${threads} read_csv + covar_pop (p=${p}, ${rows} rows)`,
      () => connection.runAndReadAll(`SELECT ${moments} FROM read_csv('${csv}')`));
    await connection.run(`CREATE TABLE t (${columns.map((c) => `${c} DOUBLE`).join(', ')})`);
    await timed(`threads=${threads} appender, row by row`, async () => {
      const appender = await connection.createAppender('t');
      for (let r = 0; r < rows; r++) {
        for (let j = 0; j < p; j++) {
          appender.appendDouble(values[r * p + j]);
        }
        appender.endRow();
      }
      appender.closeSync();
    });
    await timed(`threads=${threads} covar_pop over the appended table`,
      () => connection.runAndReadAll(`SELECT ${moments} FROM t`));
    connection.disconnectSync();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
