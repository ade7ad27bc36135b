/**
 * Shared setup of the browser end-to-end tests: builds the preview (the task pane against the
 * fake Excel host holding the example workbook), serves it on 127.0.0.1 and drives Debian's
 * chromium through playwright-core. Every request that is not to 127.0.0.1 is aborted.
 */
import { afterAll, beforeAll, describe } from "vitest";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Server } from "node:http";
import type { Browser, Locator, Page } from "playwright-core";
import type { FakeWorkbookData } from "../../src/excel/fake";
import { serveDir } from "./serve";

const CHROMIUM = "/usr/bin/chromium";
export const root = resolve(__dirname, "../..");
/** Where the screenshots go (test artefacts, git-ignored). */
export const shots = join(root, "test-results");
const haveChromium = existsSync(CHROMIUM);

/**
 * Whether the browser tests are skipped: only without chromium and outside CI. With CI=true (or 1,
 * yes) a missing chromium fails them instead (beforeAll throws): CI never skips silently.
 */
export function skipBrowserTests(chromiumFound: boolean, ci: string | undefined): boolean {
  return !chromiumFound && !/^(1|true|yes)$/i.test((ci ?? "").trim());
}
const skipBrowser = skipBrowserTests(haveChromium, process.env.CI);
if (skipBrowser) {
  console.warn(
    `Hopper over nettleser-testene: fant ikke ${CHROMIUM} (installer med «apt-get install -y chromium»).`,
  );
}

/** describe() for browser tests: skipped without chromium, except in CI where it must be there. */
export const describeInBrowser = describe.skipIf(skipBrowser);

/** The window.__fakeExcel surface the preview exposes for tests. */
export interface FakeExcelApi {
  getSelection(): { sheet: string; address: string } | undefined;
  editCell(sheet: string, address: string, text: string): Promise<void>;
  getFill(sheet: string, address: string): string | null;
  getNote(sheet: string, address: string): string | undefined;
  getSheetNames(): string[];
  getTexts(sheet: string): string[][];
  toData(): FakeWorkbookData;
  resetSyncCount(): void;
  runSyncs: number[];
}

export interface PreviewPane {
  /** A private copy of the built preview (dist-preview/), served by this file's server. */
  readonly dist: string;
  readonly browser: Browser;
  /** Uncaught errors and console errors of every page opened with newPage. */
  readonly pageErrors: string[];
  /** Requests that were not to 127.0.0.1 (aborted). */
  readonly blocked: string[];
  /** A page with the preview loaded and the task pane ready; `query` such as "?pane=320". */
  newPage(width: number, height: number, query?: string): Promise<Page>;
}

/**
 * Registers beforeAll/afterAll in the calling describe block and returns the pane's harness,
 * whose fields are set once beforeAll has run.
 */
export function usePreviewPane(): PreviewPane {
  let server: Server | undefined;
  let url = "";
  let dist = "";
  let browser: Browser | undefined;
  const pageErrors: string[] = [];
  const blocked: string[] = [];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`CI: ${CHROMIUM} mangler — installer chromium før testene.`);
    dist = await buildPreviewCopy();
    ({ server, url } = await serveDir(dist));
    mkdirSync(shots, { recursive: true });
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
        "--disable-quic",
        "--disable-sync",
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
    if (dist) rmSync(dist, { recursive: true, force: true });
  });

  return {
    get dist() {
      return dist;
    },
    get browser() {
      if (!browser) throw new Error("Nettleseren er ikke startet (beforeAll har ikke kjørt).");
      return browser;
    },
    pageErrors,
    blocked,
    async newPage(width, height, query = "") {
      if (!browser) throw new Error("Nettleseren er ikke startet (beforeAll har ikke kjørt).");
      const p = await browser.newPage({ viewport: { width, height }, acceptDownloads: true });
      await p.route("**", (route) => {
        const host = new URL(route.request().url()).hostname;
        if (host === "127.0.0.1") return route.continue();
        blocked.push(route.request().url());
        return route.abort();
      });
      p.on("pageerror", (e) => pageErrors.push(e.message));
      p.on("console", (m) => {
        if (m.type() === "error") pageErrors.push(m.text());
      });
      await p.goto(url + query);
      await p.getByRole("button", { name: "Kontroller", exact: true }).waitFor();
      return p;
    },
  };
}

/**
 * Builds dist-preview/ and copies it to a temporary folder. Test files run in parallel and the
 * build always writes the same folder, so build-and-copy holds a lock: no file serves a
 * half-written build of another.
 */
async function buildPreviewCopy(): Promise<string> {
  const lock = join(root, "dist-preview.lock");
  await acquire(lock);
  try {
    execFileSync(process.execPath, [join(root, "scripts", "preview.mjs"), "--build-only"], {
      cwd: root,
      stdio: "pipe",
    });
    const copy = mkdtempSync(join(tmpdir(), "rst-preview-"));
    cpSync(join(root, "dist-preview"), copy, { recursive: true });
    return copy;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** mkdir is atomic: whoever creates the folder holds the lock. A lock older than 2 minutes is stale. */
async function acquire(lock: string): Promise<void> {
  const deadline = Date.now() + 150_000;
  for (;;) {
    try {
      mkdirSync(lock);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    let age = 0;
    try {
      age = Date.now() - statSync(lock).mtimeMs;
    } catch {
      continue; // released between mkdir and stat
    }
    if (age > 120_000) rmSync(lock, { recursive: true, force: true });
    else if (Date.now() > deadline) throw new Error(`Ventet for lenge på ${lock}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A tab of the task pane (the preview's sheet tabs share some names). */
export const paneTab = (p: Page, name: string) =>
  p.getByRole("tablist", { name: "RST-verktøy" }).getByRole("tab", { name, exact: true });

/** Runs fn in the page on window.__fakeExcel; fn is sent as source, so it must not close over anything. */
export const fake = <T>(p: Page, fn: (w: FakeExcelApi, arg: any) => T, arg?: unknown) =>
  p.evaluate(
    ([src, a]) => {
      const f = new Function("w", "a", `return (${src})(w, a);`);
      return f((window as unknown as { __fakeExcel: FakeExcelApi }).__fakeExcel, a);
    },
    [fn.toString(), arg] as const,
  ) as Promise<T>;

/**
 * Descriptions of the visible elements inside `container` that stick out past its right edge.
 * The pane hides horizontal overflow, so clipped content never makes the page scroll: this finds it.
 */
export async function overflowing(container: Locator): Promise<string[]> {
  return container.evaluate((root) => {
    const right = root.getBoundingClientRect().right;
    const out: string[] = [];
    for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === "hidden") continue;
      // inside a region that scrolls sideways (a wide table at 200 % zoom) it can be reached: not clipped
      let scrolls = false;
      for (let a = el.parentElement; a && a !== root; a = a.parentElement) {
        const ox = getComputedStyle(a).overflowX;
        if (ox === "auto" || ox === "scroll") scrolls = true;
      }
      if (scrolls) continue;
      if (r.right > right + 0.5)
        out.push(
          `${el.tagName.toLowerCase()} «${(el.textContent ?? "").trim().slice(0, 40)}» til ${r.right}`,
        );
    }
    return out;
  });
}
