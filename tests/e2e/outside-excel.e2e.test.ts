/**
 * The real task pane page (dist/taskpane.html from the production build) opened in a browser
 * outside Excel: Office.js from Microsoft's CDN cannot load here (every request that is not to
 * 127.0.0.1 is aborted), which is what a user sees when they open the page directly. The pane must
 * say so in Norwegian from the start, and nothing may throw on load («CustomFunctions is not
 * defined», «Excel is not defined»).
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Server } from "node:http";
import type { Browser, Page } from "playwright-core";
import { NOT_IN_EXCEL } from "../../src/excel/port";
import { ensureBuilt } from "../setup/build";
import { describeInBrowser } from "./harness";
import { serveDir } from "./serve";

/** The paths the page fetches from our server (anything elsewhere is aborted). */
async function scriptsLoaded(page: Page): Promise<string[]> {
  const paths: string[] = [];
  await page.route("**", (route) => {
    const u = new URL(route.request().url());
    if (u.hostname !== "127.0.0.1") return route.abort();
    paths.push(u.pathname);
    return route.continue();
  });
  return paths;
}

describeInBrowser("the task pane outside Excel", () => {
  let server: Server | undefined;
  let url = "";
  let browser: Browser | undefined;

  beforeAll(async () => {
    const dist = await ensureBuilt();
    ({ server, url } = await serveDir(dist));
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
    });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => (server ? server.close(r) : r(undefined)));
  });

  it("says in Norwegian that Excel is missing, throws nothing on load, and a click says it again", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 700 } });
    const errors: string[] = [];
    const aborted: string[] = [];
    await page.route("**", (route) => {
      if (new URL(route.request().url()).hostname === "127.0.0.1") return route.continue();
      aborted.push(route.request().url());
      return route.abort();
    });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${url}taskpane.html`);
    const banner = page.getByTestId("unavailable");
    await banner.waitFor();
    expect(await banner.textContent()).toContain(NOT_IN_EXCEL);
    // The only request elsewhere was Office.js itself.
    expect(aborted.every((u) => /office\.js$/.test(u))).toBe(true);

    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    const alert = page.locator("#panel-kontroll").getByText(NOT_IN_EXCEL);
    await alert.waitFor();
    await page.waitForTimeout(300);
    expect(errors).toEqual([]);
    const text = await page.locator("body").textContent();
    expect(text).not.toMatch(/is not defined/);
    await page.close();
  });

  it("draws in high contrast when the webview asks for it (the theme comes in its own chunk)", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 700 }, forcedColors: "active" });
    const chunks = await scriptsLoaded(page);
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("unavailable").waitFor();
    expect(chunks).toContain("/themes.js");
    // Fluent's high-contrast theme (teamsHighContrastTheme): background hcCanvas, #000000 (light: #ffffff).
    const background = await page.evaluate(() =>
      getComputedStyle(document.querySelector(".fui-FluentProvider")!).getPropertyValue(
        "--colorNeutralBackground1",
      ),
    );
    expect(background.trim()).toBe("#000000");
    await page.close();
  });

  it("draws in light without loading the other themes", async () => {
    const page = await browser!.newPage({ viewport: { width: 350, height: 700 } });
    const chunks = await scriptsLoaded(page);
    await page.goto(`${url}taskpane.html`);
    await page.getByTestId("unavailable").waitFor();
    expect(chunks).not.toContain("/themes.js");
    await page.close();
  });
});
