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
  /**
   * Stops accepting connections and waits for the requests in flight to finish (up to
   * `drainMs`); resolves with whether they all did.
   */
  close(drainMs?: number): Promise<{ drained: boolean }>;
}

/** Counts requests being handled, so that a stop can wait for them. */
class InFlight {
  private count = 0;
  private readonly waiters = new Set<() => void>();

  track<T>(work: () => Promise<T>): Promise<T> {
    this.count += 1;
    return work().finally(() => {
      this.count -= 1;
      if (this.count === 0) for (const waiter of this.waiters) waiter();
    });
  }

  /** Resolves true when no request is in flight, false if `ms` pass first. */
  idle(ms: number): Promise<boolean> {
    if (this.count === 0) return Promise.resolve(true);
    return new Promise((resolveIdle) => {
      const done = (drained: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        resolveIdle(drained);
      };
      const waiter = (): void => done(true);
      const timer = setTimeout(() => done(false), ms);
      this.waiters.add(waiter);
    });
  }
}

export function startServer(app: Hono, options: { host: string; port: number }): Promise<RunningServer> {
  return new Promise((resolveStart, rejectStart) => {
    const inFlight = new InFlight();
    // A request keeps running after its client goes away (its query is under way); the count
    // follows the handler, not the socket.
    const fetch = (request: Request, env: unknown): Promise<Response> => inFlight.track(async () => app.fetch(request, env));
    const server = serve({ fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      resolveStart({
        url: `http://${host}:${info.port}`,
        port: info.port,
        // Stop accepting and drop idle keep-alive sockets; let the requests in flight finish
        // (their queries hold store connections, which must not close under them); then drop
        // every socket left.
        close: async (drainMs = 15_000) => {
          const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
          server.closeIdleConnections();
          const drained = await inFlight.idle(drainMs);
          server.closeAllConnections();
          await closed;
          return { drained };
        },
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
