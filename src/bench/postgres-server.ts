/**
 * A throwaway PostgreSQL server for the store tests and benchmark: `initdb` into a temporary folder and
 * `pg_ctl start` on a free loopback port, trust authentication, no fsync. Binaries come from
 * /usr/lib/postgresql/<version>/bin (Debian's layout, newest first) or PATH. PostgreSQL refuses
 * to run as root, so as root the commands run as user `postgres` (runuser) in a folder it owns.
 *
 * `startPostgres()` resolves to undefined, with the reason in `postgresUnavailable`, when no
 * binaries are installed: the tests then skip with that message (scripts/ci-postgres.sh installs
 * Debian's `postgresql` package in CI). Used by the store tests (test/store/postgres-server.ts
 * re-exports it) and by the store benchmark (src/bench/store.ts).
 */
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import pg from "pg";

export interface PostgresServer {
  /** postgres://parley@127.0.0.1:PORT/postgres */
  url: string;
  /** A new empty database on this server, as a URL. */
  freshDatabase(): Promise<string>;
  stop(): void;
}

export let postgresUnavailable = "";

/** The folder holding initdb, pg_ctl and postgres, or undefined. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((version) => join(debian, version, "bin")));
  }
  for (const dir of (process.env["PATH"] ?? "").split(delimiter)) {
    // A symlinked initdb (/usr/local/bin → the real folder) is followed to the folder with postgres.
    const initdb = join(dir, "initdb");
    if (existsSync(initdb)) candidates.push(dirname(realpathSync(initdb)));
  }
  return candidates.find((dir) => ["initdb", "pg_ctl", "postgres"].every((name) => existsSync(join(dir, name))));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function postgresUser(): { uid: number; gid: number } | undefined {
  try {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    return undefined;
  }
}

/** `durable`: keep PostgreSQL's default fsync and synchronous commit (benchmarks); tests turn them off. */
export async function startPostgres(options: { durable?: boolean } = {}): Promise<PostgresServer | undefined> {
  const bin = findPostgresBin();
  if (!bin) {
    postgresUnavailable = "no PostgreSQL binaries (initdb, pg_ctl, postgres) in /usr/lib/postgresql/*/bin or PATH; run scripts/ci-postgres.sh";
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), "parley-pg-"));
  const asRoot = process.getuid?.() === 0;
  let run = (command: string, args: string[]): void => void execFileSync(join(bin, command), args, { stdio: "pipe" });
  if (asRoot) {
    const user = postgresUser();
    if (!user) {
      postgresUnavailable = "running as root and there is no `postgres` user to run PostgreSQL as";
      return undefined;
    }
    chownSync(dir, user.uid, user.gid);
    // runuser lives in sbin, which a CI shell's PATH may leave out.
    const runuser = ["/usr/sbin/runuser", "/sbin/runuser"].find((path) => existsSync(path)) ?? "runuser";
    run = (command, args) => void execFileSync(runuser, ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" });
  }
  const data = join(dir, "data");
  const port = await freePort();
  try {
    run("initdb", ["-D", data, "-U", "parley", "--auth=trust", "-E", "UTF8", "--no-locale", ...(options.durable ? [] : ["--no-sync"])]);
    const fast = options.durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
    const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1${fast}`;
    run("pg_ctl", ["-D", data, "-l", join(dir, "server.log"), "-o", serverOptions, "-w", "-t", "60", "start"]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`could not start PostgreSQL from ${bin}: ${(error as { stderr?: Buffer }).stderr?.toString() ?? String(error)}`);
  }
  const url = `postgres://parley@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async freshDatabase() {
      databases += 1;
      const name = `parley_test_${databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://parley@127.0.0.1:${port}/${name}`;
    },
    stop() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
