#!/usr/bin/env node
/**
 * `npm run preview`: the task pane running against the fake Excel host, beside the example
 * workbook drawn as a grid — so the add-in can be tried without Excel.
 *
 *   node scripts/preview.mjs               build into dist-preview/ and serve http://127.0.0.1:3001
 *   node scripts/preview.mjs --build-only  build only (the e2e tests serve it themselves)
 *   node scripts/preview.mjs --port 4000   another port
 *
 * The example workbook is converted to JSON with the CLI's own file adapter at build time,
 * so the preview sees exactly the grid the CLI sees. No office.js is loaded.
 */
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "dist-preview");
const example = join(root, "examples", "handlingsplan-vestfold-2026.xlsx");

const args = process.argv.slice(2);
const buildOnly = args.includes("--build-only");
const portArg = args.indexOf("--port");
const port = portArg >= 0 ? Number(args[portArg + 1]) : 3001;

async function exampleWorkbookJson() {
  if (!existsSync(example)) {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    if (!pkg.scripts?.examples)
      throw new Error(`Fant ikke ${example}, og det finnes ikke noe «npm run examples».`);
    console.log("Lager eksempelarbeidsboken (npm run examples) …");
    const r = spawnSync("npm", ["run", "--silent", "examples"], { cwd: root, stdio: "inherit" });
    if (r.status !== 0 || !existsSync(example)) throw new Error(`«npm run examples» laget ikke ${example}.`);
  }
  // Bundle the CLI's reader for Node (its npm packages stay external) and run it.
  const tmp = join(out, ".read-workbook.mjs");
  await build({
    entryPoints: [join(root, "src", "cli", "xlsx", "read.ts")],
    outfile: tmp,
    bundle: true,
    platform: "node",
    format: "esm",
    packages: "external",
    logLevel: "warning",
  });
  const mod = await import(`${pathToFileURL(tmp).href}?t=${Date.now()}`);
  const wb = await mod.readWorkbookFile(example);
  rmSync(tmp, { force: true });
  return wb;
}

/**
 * The preview reads a user's .xlsx with the CLI's reader (src/preview/xlsx-browser.ts →
 * src/cli/xlsx/read.ts). That module also has the CLI's file-path entry, which imports node:fs;
 * the browser never calls it, so node built-ins become an empty module here (calling one would
 * throw, not silently do something else).
 */
const nodeBuiltinsStub = {
  name: "node-builtins-stub",
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: "node-stub" }));
    b.onLoad({ filter: /.*/, namespace: "node-stub" }, (args) => ({
      contents: `const fail = () => { throw new Error(${JSON.stringify(`${args.path} finnes ikke i nettleseren`)}); };
export const readFileSync = fail, statSync = fail, openSync = fail, readSync = fail, closeSync = fail, dirname = fail;
export default {};`,
      loader: "js",
    }));
  },
};

const HTML = `<!doctype html>
<html lang="nb">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>RST-verktøy – forhåndsvisning</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="index.css" />
    <style>
      html, body { margin: 0; padding: 0; height: 100%; }
      body { font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; }
    </style>
  </head>
  <body>
    <div id="root"></div>
    <noscript>Forhåndsvisningen trenger JavaScript.</noscript>
    <script type="module" src="index.js"></script>
  </body>
</html>
`;

export async function buildPreview() {
  mkdirSync(out, { recursive: true });
  const started = Date.now();
  const wb = await exampleWorkbookJson();
  writeFileSync(join(out, "workbook.json"), JSON.stringify(wb));
  await build({
    entryPoints: { index: join(root, "src", "preview", "index.tsx") },
    outdir: out,
    bundle: true,
    splitting: true, // the docx library becomes its own chunk, loaded on "Last ned .docx"
    format: "esm",
    platform: "browser",
    target: ["es2020"],
    jsx: "automatic",
    minify: true,
    sourcemap: true,
    define: { "process.env.NODE_ENV": '"production"' },
    loader: { ".css": "css" },
    logLevel: "warning",
    plugins: [nodeBuiltinsStub],
  });
  writeFileSync(join(out, "index.html"), HTML);
  const size = statSync(join(out, "index.js")).size;
  console.log(
    `Forhåndsvisningen er bygd i ${out} (${Math.round(size / 1024)} KiB JS, ${Date.now() - started} ms).`,
  );
}

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
};

/** A tiny static file server for dist-preview (127.0.0.1 only). */
export function serve(dir, listenPort) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(dir, path === "/" ? "index.html" : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Finnes ikke");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(readFileSync(file));
  });
  return new Promise((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(listenPort, "127.0.0.1", () => resolveListen(server));
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    await buildPreview();
    if (!buildOnly) {
      const server = await serve(out, port);
      const { port: actual } = server.address();
      console.log(`Forhåndsvisning: http://127.0.0.1:${actual}/  (Ctrl+C for å stoppe)`);
    }
  } catch (e) {
    console.error(`Forhåndsvisningen feilet: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  }
}
