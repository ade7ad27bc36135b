/**
 * The production build of the add-in: what dist/ holds, the functions metadata the plugin generates
 * from the JSDoc in src/functions/functions.ts, the shared-runtime page, and the production variant
 * (ADDIN_URL + local Office.js) built into a temporary folder.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, readBuildInfo, ROOT, runWebpack } from "../setup/build";

const PROD_URL = "https://rst.example.no/verktoy/";
const DEV_URL = "https://localhost:3000/";

let dist = "";
let prodDist = "";

beforeAll(async () => {
  prodDist = mkdtempSync(join(tmpdir(), "rst-addin-prod-"));
  // Two builds on two cores: the default dist/ (if stale) and the production variant.
  [dist] = await Promise.all([
    ensureBuilt(),
    runWebpack(["--mode", "production", "--output-path", prodDist], {
      ADDIN_URL: "https://rst.example.no/verktoy",
      OFFICE_JS: "local",
    }),
  ]);
}, 900_000);

afterAll(() => {
  if (prodDist) rmSync(prodDist, { recursive: true, force: true });
});

const read = (dir: string, file: string) => readFileSync(join(dir, file), "utf8");

interface FunctionMeta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: { name: string; description?: string }[];
}

/** The custom function ids declared in the source: `@customfunction ID`, or the function name in capitals. */
function declaredFunctionIds(source: string): string[] {
  const ids: string[] = [];
  const re = /@customfunction\b([^\n]*)[\s\S]*?\*\/\s*export\s+(?:async\s+)?function\s+(\w+)/g;
  for (const m of source.matchAll(re)) {
    const id = m[1]
      .replace(/\*\/.*/, "")
      .trim()
      .split(/\s+/)[0];
    ids.push(id || m[2].toUpperCase());
  }
  return ids;
}

// Words that mark a sentence as bokmål, and English words that should not appear in a user-facing text.
const NORWEGIAN =
  /(^|[^\p{L}])(og|i|av|til|som|med|per|for|fra|når|på|eller|etter|året|år|kroner|beløp\p{L}*|frist\p{L}*|dato|tekst\p{L}*)(?=$|[^\p{L}])|[æøå]/iu;
const ENGLISH = /(^|[^\p{L}])(the|and|of|with|amount|returns?|year|date|text|number)(?=$|[^\p{L}])/iu;

function looksNorwegian(text: string | undefined): boolean {
  return !!text && text.trim().length > 0 && NORWEGIAN.test(text) && !ENGLISH.test(text);
}

describe("norwegian text check", () => {
  it("tells bokmål from English", () => {
    expect(looksNorwegian("Forfallsdato for en frist skrevet som tekst.")).toBe(true);
    expect(looksNorwegian("Returns the due date of a deadline.")).toBe(false);
    expect(looksNorwegian("")).toBe(false);
  });
});

describe("production build (dist/)", () => {
  it("holds the manifest, metadata, bundles, icons and help pages", () => {
    for (const file of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "taskpane.js",
      "commands.js",
      "assets/icon-16.png",
      "assets/icon-32.png",
      "assets/icon-80.png",
    ]) {
      expect(existsSync(join(dist, file)), file).toBe(true);
    }
    // The ribbon command loads the validation code on first click.
    expect(existsSync(join(dist, "validate-plan.js"))).toBe(true);
    expect(readBuildInfo(dist)).toMatchObject({ mode: "production", addinUrl: null, officeJs: "cdn" });
  });

  it("copies manifest.xml unchanged when no ADDIN_URL is given", () => {
    expect(read(dist, "manifest.xml")).toBe(read(ROOT, "manifest.xml"));
  });

  it("serves every localhost URL of the manifest from dist/", () => {
    const urls = [...read(dist, "manifest.xml").matchAll(/"https:\/\/localhost:3000\/([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(urls.length).toBeGreaterThan(10);
    for (const path of urls) expect(existsSync(join(dist, path.split(/[?#]/)[0])), path).toBe(true);
  });

  it("lists every @customfunction of functions.ts in functions.json with a Norwegian description", () => {
    const declared = declaredFunctionIds(read(ROOT, "src/functions/functions.ts"));
    expect(declared.length).toBeGreaterThan(0);
    const meta = JSON.parse(read(dist, "functions.json")) as { functions: FunctionMeta[] };
    expect(meta.functions.map((f) => f.id).sort()).toEqual([...declared].sort());
    for (const f of meta.functions) {
      expect(looksNorwegian(f.description), `${f.id}: ${f.description}`).toBe(true);
      for (const p of f.parameters) {
        expect(p.description?.trim(), `${f.id}(${p.name}) mangler beskrivelse`).toBeTruthy();
      }
    }
  });

  it("shows the prefixed names side by side (no namespace) with help pages that exist", () => {
    const meta = JSON.parse(read(dist, "functions.json")) as { functions: FunctionMeta[] };
    const ids = meta.functions.map((f) => f.id);
    expect(ids).toEqual(expect.arrayContaining(["RST.BALANCE", "MEASURE.DUE"]));
    for (const f of meta.functions) {
      expect(f.name).toBe(f.id);
      if (!f.helpUrl) continue;
      expect(f.helpUrl.startsWith(DEV_URL), f.helpUrl).toBe(true);
      const page = join(dist, f.helpUrl.slice(DEV_URL.length));
      expect(existsSync(page), f.helpUrl).toBe(true);
      // Local stylesheets and links the page refers to are copied beside it.
      for (const [, href] of readFileSync(page, "utf8").matchAll(/(?:href|src)="([^":#]+)"/g))
        expect(existsSync(join(page, "..", href)), `${f.helpUrl} → ${href}`).toBe(true);
    }
  });

  it("has functions-nb-NO.json: the default metadata with the Norwegian names of the table", async () => {
    const { createRequire } = await import("node:module");
    const { localizeMetadata, readTable } = createRequire(import.meta.url)(
      "../../scripts/functions-locale.cjs",
    );
    const en = JSON.parse(read(dist, "functions.json"));
    const nb = JSON.parse(read(dist, "functions-nb-NO.json")) as { functions: FunctionMeta[] };
    expect(nb).toEqual(localizeMetadata(en, readTable()).metadata);
    expect(nb.functions.map((f) => f.id)).toEqual(en.functions.map((f: FunctionMeta) => f.id));
    expect(nb.functions.find((f) => f.id === "RST.BALANCE")?.name).toBe("RST.SALDO");
  });

  it("registers every function in functions.js (associate calls written by the metadata plugin)", () => {
    const js = read(dist, "functions.js");
    const meta = JSON.parse(read(dist, "functions.json")) as { functions: FunctionMeta[] };
    for (const f of meta.functions) expect(js).toContain(`CustomFunctions.associate("${f.id}",`);
  });

  it("loads Office.js and then the functions, commands and task pane chunks in taskpane.html", () => {
    const html = read(dist, "taskpane.html");
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)"?/g)].map((m) => m[1]);
    expect(scripts).toEqual([
      "https://appsforoffice.microsoft.com/lib/1/hosted/office.js",
      "functions.js",
      "commands.js",
      "taskpane.js",
    ]);
    expect(html).toMatch(/<div id="?root"?>/);
  });

  it("keeps the scripts loaded before the pane is usable within 200 kB gzip (issue 13.5)", () => {
    const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    // What taskpane.html loads (Office.js aside); the other tabs, the Excel port and docx are chunks.
    expect(gz("functions.js") + gz("commands.js") + gz("taskpane.js")).toBeLessThanOrEqual(200_000);
    expect(gz("commands.js")).toBeLessThanOrEqual(10_000);
    for (const chunk of ["tab-rst.js", "tab-melding.js", "tab-kostnad.js", "excel-port.js"])
      expect(existsSync(join(dist, chunk)), chunk).toBe(true);
  });

  it("keeps the lazy Word chunk small: no page-layout estimate (docx/layout, ~340 kB gzip) in it", () => {
    const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    const entries = new Set(["functions.js", "commands.js", "taskpane.js", "validate-plan.js"]);
    const word = readdirSync(dist).filter(
      (f) => f.endsWith(".js") && !entries.has(f) && read(dist, f).includes("w:updateFields"),
    );
    expect(word).toHaveLength(1);
    // 401 554 bytes with docx/layout, 64 062 without (measured 2026-12-01)
    expect(gz(word[0])).toBeLessThanOrEqual(120_000);
  });
});

describe("production variant (ADDIN_URL, local Office.js)", () => {
  it("rewrites every development URL in manifest.xml and functions.json", () => {
    const manifest = read(prodDist, "manifest.xml");
    expect(manifest).not.toContain("localhost:3000");
    expect(manifest).toContain(`<SourceLocation DefaultValue="${PROD_URL}taskpane.html"/>`);
    expect(manifest.split(PROD_URL).join(DEV_URL)).toBe(read(ROOT, "manifest.xml"));
    const functions = read(prodDist, "functions.json");
    expect(functions).not.toContain("localhost:3000");
    expect(read(prodDist, "functions-nb-NO.json")).not.toContain("localhost:3000");
    expect(read(prodDist, "functions-nb-NO.json")).toContain(`${PROD_URL}help/rst-balance.html`);
    const meta = JSON.parse(functions) as { functions: FunctionMeta[] };
    for (const f of meta.functions)
      if (f.helpUrl) expect(f.helpUrl.startsWith(PROD_URL), f.helpUrl).toBe(true);
    expect(readBuildInfo(prodDist)).toMatchObject({ addinUrl: PROD_URL, officeJs: "local" });
  });

  it("loads Office.js from its own copy", () => {
    const html = read(prodDist, "taskpane.html");
    expect(html).toMatch(/<script[^>]*src="?office\/office\.js"?/);
    expect(html).not.toContain("appsforoffice.microsoft.com");
    for (const file of ["office.js", "o15apptofilemappingtable.js", "nb-no/office_strings.js"]) {
      expect(existsSync(join(prodDist, "office", file)), file).toBe(true);
    }
    // Copied as shipped, not minified again.
    const shipped = join(ROOT, "node_modules/@microsoft/office-js/dist/office.js");
    expect(read(prodDist, "office/office.js")).toBe(readFileSync(shipped, "utf8"));
  });

  it("rejects an ADDIN_URL that is not https", async () => {
    await expect(
      runWebpack(["--mode", "production", "--output-path", join(prodDist, "never")], {
        ADDIN_URL: "http://rst.example.no/",
      }),
    ).rejects.toThrow(/ADDIN_URL må være en https-adresse/);
    expect(existsSync(join(prodDist, "never"))).toBe(false);
  }, 120_000);
});
