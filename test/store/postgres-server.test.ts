import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { postgresUnavailable, startPostgres } from "./postgres-server.js";

const server = await startPostgres();
if (!server) console.warn(`skipping PostgreSQL tests: ${postgresUnavailable}`);
afterAll(() => server?.stop());

describe.skipIf(!server)("postgres test server", () => {
  it("answers on its loopback port and makes fresh databases", async () => {
    const url = await server!.freshDatabase();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const result = await client.query("SELECT current_database() AS name, 1 + 1 AS two");
    await client.end();
    expect(result.rows).toEqual([{ name: "parley_test_1", two: 2 }]);
  });
});
