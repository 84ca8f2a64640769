/**
 * Puts the app on Node's HTTP server (via @hono/node-server) with the timeouts a server facing a
 * network needs: slow clients cannot hold sockets open forever.
 */
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/** The server could not start listening (port taken, address unknown): the user's to fix. */
export class ListenError extends Error {
  override name = "ListenError";
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export function startServer(app: Hono, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolveStart, rejectStart) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolveStart({
        url: `http://${host}:${info.port}`,
        port: info.port,
        // Stop accepting, let requests in flight finish (their queries hold store connections,
        // which must not close under them), and drop idle keep-alive sockets; after 10 s, drop all.
        close: () =>
          new Promise((resolveClose) => {
            const force = setTimeout(() => server.closeAllConnections(), 10_000);
            server.close(() => {
              clearTimeout(force);
              resolveClose();
            });
            server.closeIdleConnections();
          }),
      });
    }) as Server;
    // Whole request (headers and body) within 60 s, headers within 20 s; idle keep-alive 5 s.
    server.requestTimeout = 60_000;
    server.headersTimeout = 20_000;
    server.keepAliveTimeout = 5_000;
    server.once("error", (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === "EADDRINUSE"
          ? `port ${options.port} on ${options.host} is already in use (--port)`
          : error.code === "EADDRNOTAVAIL" || error.code === "ENOTFOUND"
            ? `cannot listen on ${options.host}: no such address on this machine (--host)`
            : `cannot listen on ${options.host}:${options.port}: ${error.message}`;
      rejectStart(new ListenError(reason));
    });
  });
}
