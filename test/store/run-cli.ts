import { main } from "../../src/cli/main.js";
import type { CommandIO } from "../../src/cli/io.js";
import { openStore } from "../../src/store/store.js";

/** Runs the CLI in this process with captured output and a fixed clock. */
export async function runParley(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io: CommandIO = {
    out: (text) => void (stdout += text),
    warn: (line) => void (stderr += `parley: ${line}\n`),
    info: (line) => void (stderr += `${line}\n`),
    readStdin: () => new Uint8Array(),
    now: () => new Date("2026-01-02T03:04:05Z"),
  };
  const status = await main(args, io);
  return { status, stdout, stderr };
}

/** Rows of a query on a store, opened read-only and closed again. */
export async function storeRows(db: string, sql: string): Promise<Array<Record<string, unknown>>> {
  const store = await openStore(db, { readOnly: true });
  try {
    return await store.sql.all(sql);
  } finally {
    await store.close();
  }
}
