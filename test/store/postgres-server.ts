/** The throwaway PostgreSQL server of the store tests (shared with the benchmark; see there). */
export { findPostgresBin, postgresUnavailable, startPostgres, type PostgresServer } from "../../src/bench/postgres-server.js";
