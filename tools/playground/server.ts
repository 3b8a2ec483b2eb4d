/**
 * A tiny static file server (Node) for `npm run playground` and the end-to-end tests: serves the
 * built playground, GET/HEAD only, no directory listing, no path escapes, and the same
 * Content-Security-Policy as the page's meta tag. Never bundled into the browser code.
 */
import { createReadStream, statSync } from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import { PLAYGROUND_CSP } from "../../src/playground/csp";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".txt": "text/plain; charset=utf-8",
};


export interface Mount {
  /** URL prefix, "/" or "/examples/" */
  prefix: string;
  dir: string;
}

export interface StaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function resolveFile(mounts: readonly Mount[], urlPath: string): string | null {
  for (const m of [...mounts].sort((a, b) => b.prefix.length - a.prefix.length)) {
    if (!urlPath.startsWith(m.prefix)) continue;
    const rel = urlPath.slice(m.prefix.length) || "index.html";
    const file = path.resolve(m.dir, rel);
    if (file !== m.dir && !file.startsWith(path.resolve(m.dir) + path.sep)) return null;
    try {
      const st = statSync(file);
      if (st.isFile()) return file;
      if (st.isDirectory()) {
        const index = path.join(file, "index.html");
        if (statSync(index).isFile()) return index;
      }
    } catch {
      // try the next mount
    }
  }
  return null;
}

export function startStaticServer(mounts: readonly Mount[], port = 0, host = "127.0.0.1"): Promise<StaticServer> {
  const server = http.createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = resolveFile(mounts, urlPath);
    if (!file) {
      res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end("not found");
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    res.writeHead(200, {
      "Content-Type": type,
      "Content-Security-Policy": PLAYGROUND_CSP,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });
  const sockets = new Set<import("net").Socket>();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const p = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host === "0.0.0.0" ? "localhost" : host}:${p}/`,
        port: p,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
