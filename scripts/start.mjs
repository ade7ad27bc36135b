#!/usr/bin/env node
// `npm start` / `npm stop`: sideload or remove manifest.xml in Excel desktop with office-addin-debugging.
// That package is an optional dependency which installs on Windows and Mac only, so explain instead of
// crashing when it is absent. Usage: node scripts/start.mjs start|stop [manifest] [extra args…]
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const [command = "start", manifest = "manifest.xml", ...rest] = process.argv.slice(2);
if (command !== "start" && command !== "stop") {
  console.error(`Ukjent kommando «${command}»: bruk start eller stop.`);
  process.exit(2);
}

let bin;
try {
  const pkgPath = require.resolve("office-addin-debugging/package.json");
  const pkg = require(pkgPath);
  const rel = typeof pkg.bin === "string" ? pkg.bin : pkg.bin?.["office-addin-debugging"];
  bin = join(dirname(pkgPath), rel);
} catch {
  console.error(
    [
      "office-addin-debugging er ikke installert. Det er en valgfri avhengighet som bare installeres på",
      "Windows og Mac, der Excel kan sideloade tillegget (npm start / npm stop).",
      "Her: kjør `npm run dev-server` og last opp manifest.xml i Excel på nettet",
      "(Hjem → Tillegg → Flere tillegg → Mine tillegg → Last opp mitt tillegg).",
      "",
      "office-addin-debugging is not installed (optional dependency, Windows and Mac only). Run",
      "`npm run dev-server` and upload manifest.xml in Excel on the web instead.",
    ].join("\n"),
  );
  process.exit(1);
}

// As the Office template's scripts: `office-addin-debugging start manifest.xml` (Excel desktop by default).
const result = spawnSync(process.execPath, [bin, command, manifest, ...rest], { stdio: "inherit" });
process.exit(result.status ?? 1);
