// wrk, the load generator of the HTTP benches (apt-get install -y wrk): one bounded run against a
// 127.0.0.1 URL, parsed into req/s, p50, p99 and errors.
import { spawnSync } from "node:child_process";

export const CONNECTIONS = 32;
export const THREADS = 2;

export type Result = { rps: number; p50: number; p99: number; errors: number; requests: number };

/** Milliseconds from wrk's "1.23ms" / "850.00us" / "1.02s". */
function ms(text: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(text.trim());
  if (!m) return NaN;
  const v = Number(m[1]);
  return m[2] === "us" ? v / 1000 : m[2] === "s" ? v * 1000 : v;
}

export function assertWrkInstalled(): void {
  if (spawnSync("wrk", ["--version"]).error) {
    throw new Error("wrk is not installed: apt-get install -y wrk (it is the load generator of this bench)");
  }
}

/** One run; `headers` are sent with every request, `script` is a wrk Lua file (e.g. a POST body). */
export function wrk(url: string, seconds: number, options: { headers?: Record<string, string>; script?: string } = {}): Result {
  const args = [`-t${THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "--timeout", "10s"];
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}: ${value}`);
  if (options.script) args.push("-s", options.script);
  const run = spawnSync("wrk", [...args, url], { encoding: "utf8", timeout: (seconds + 30) * 1000 });
  if (run.status !== 0) throw new Error(`wrk ${url} failed: ${run.stderr || run.stdout}`);
  const out = run.stdout;
  const pick = (re: RegExp) => re.exec(out)?.[1] ?? "";
  return {
    rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
    p50: ms(pick(/^\s+50%\s+(\S+)/m)),
    p99: ms(pick(/^\s+99%\s+(\S+)/m)),
    requests: Number(pick(/(\d+) requests in/)),
    errors:
      Number(pick(/Non-2xx or 3xx responses:\s+(\d+)/) || 0) +
      [...out.matchAll(/(connect|read|write|timeout) (\d+)/g)].reduce((n, m) => n + Number(m[2]), 0),
  };
}

/** The median of each figure over several runs (errors and requests summed). */
export function medianResult(runs: readonly Result[]): Result {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: median(runs.map((r) => r.p50)),
    p99: median(runs.map((r) => r.p99)),
    requests: runs.reduce((n, r) => n + r.requests, 0),
    errors: runs.reduce((n, r) => n + r.errors, 0),
  };
}
