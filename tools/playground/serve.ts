/**
 * `npm run playground`: build the playground into build/playground and serve it on
 * http://localhost:3001 (PORT to change it). `--watch` rebuilds when a source file changes
 * (reload the page); `--build-only` just builds.
 */
import * as path from "path";
import { buildPlayground, REPO } from "./build";
import { startStaticServer } from "./server";

async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  // not under dist/: `npm run build` empties dist/ and would take the running playground's files away
  const outDir = path.join(REPO, "build", "playground");
  const started = Date.now();
  const built = await buildPlayground({ outDir, minify: !args.has("--watch"), watch: args.has("--watch") });
  console.log(`built ${path.relative(REPO, outDir)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (args.has("--build-only")) return;
  const port = Number(process.env.PORT ?? 3001);
  const server = await startStaticServer([{ prefix: "/", dir: outDir }], port, "localhost");
  console.log(`Jixiao playground: ${server.url.replace("127.0.0.1", "localhost")}   (Ctrl+C to stop)`);
  const stop = () => {
    void built.context?.dispose();
    void server.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
