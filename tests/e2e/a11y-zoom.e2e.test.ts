/**
 * Accessibility and 200 % zoom in the browser: every tab at 320 px and at 160 px (a 320 px pane
 * at 200 % zoom), before and after a check: axe-core finds no violations, and no text is cut off,
 * drawn over other text or a field, and no chart text is under 11 px.
 */
import { expect, it } from "vitest";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describeInBrowser, paneTab, shots, usePreviewPane } from "./harness";
import { axeViolations, layoutProblems } from "./a11y";

const TABS = [
  { tab: "Kontroll", ready: (p: Page) => p.getByRole("button", { name: "Kontroller", exact: true }) },
  { tab: "RST", ready: (p: Page) => p.locator("#panel-rst").getByRole("heading").first() },
  { tab: "Melding", ready: (p: Page) => p.locator("#panel-melding").getByRole("heading").first() },
  { tab: "Kostnad", ready: (p: Page) => p.getByRole("button", { name: "Sett inn kostnadsmodell" }) },
];

async function auditTabs(page: Page, width: number, when: string): Promise<string[]> {
  const found: string[] = [];
  for (const { tab, ready } of TABS) {
    await paneTab(page, tab).click();
    await ready(page).waitFor();
    await page.waitForTimeout(300);
    for (const v of await axeViolations(page, ".preview-pane"))
      found.push(`${width} px ${when} ${tab}: axe ${v.id} (${v.help}) ${v.targets.join(" | ")}`);
    for (const l of await layoutProblems(page.locator(".preview-pane")))
      found.push(`${width} px ${when} ${tab}: ${l}`);
    await page.screenshot({
      path: join(shots, `a11y-${width}-${when}-${tab.toLowerCase()}.png`),
      fullPage: true,
    });
  }
  return found;
}

describeInBrowser("accessibility and zoom (axe-core, layout)", () => {
  const pane = usePreviewPane();

  for (const width of [320, 160]) {
    it(`every tab at ${width} px, before and after a check: 0 axe violations, nothing cut off or overlapping`, async () => {
      const page = await pane.newPage(1000, 900, `?pane=${width}`);
      const found = await auditTabs(page, width, "før");
      await paneTab(page, "Kontroll").click();
      await page.getByRole("button", { name: "Kontroller", exact: true }).click();
      await page.getByRole("heading", { name: /^Advarsler \(\d+\)$/ }).waitFor();
      found.push(...(await auditTabs(page, width, "etter")));
      await page.close();
      expect(found).toEqual([]);
    }, 240_000);
  }

  it("follows Office's theme: light, dark and high contrast, each with 0 axe violations (screenshots)", async () => {
    const found: string[] = [];
    const backgrounds: Record<string, string> = {};
    for (const theme of ["light", "dark", "hc"]) {
      const page = await pane.newPage(1000, 900, `?pane=320&theme=${theme}`);
      await page.getByRole("button", { name: "Kontroller", exact: true }).click();
      await page.getByRole("heading", { name: /^Advarsler \(\d+\)$/ }).waitFor();
      backgrounds[theme] = await page
        .locator(".preview-pane .fui-FluentProvider")
        .first()
        .evaluate((e) => getComputedStyle(e).backgroundColor);
      for (const { tab, ready } of TABS) {
        await paneTab(page, tab).click();
        await ready(page).waitFor();
        await page.waitForTimeout(300);
        for (const v of await axeViolations(page, ".preview-pane"))
          found.push(`${theme} ${tab}: axe ${v.id} (${v.help}) ${v.targets.join(" | ")}`);
        await page.screenshot({
          path: join(shots, `tema-${theme}-${tab.toLowerCase()}.png`),
          fullPage: true,
        });
      }
      await page.close();
    }
    expect(found).toEqual([]);
    // three different themes, not three screenshots of the light one
    expect(new Set(Object.values(backgrounds)).size).toBe(3);
    expect(backgrounds.light).toBe("rgb(255, 255, 255)");
  }, 240_000);

  it("keyboard: the problem list is one Tab stop with arrow keys; focus returns to a dialog's opener", async () => {
    const page = await pane.newPage(1000, 900, "?pane=320");
    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    await page.getByRole("heading", { name: /^Advarsler \(\d+\)$/ }).waitFor();
    const cards = page.locator("#panel-kontroll [data-testid=problem-list] button[data-cell]");
    expect(await cards.count()).toBeGreaterThan(3);
    // the name starts with what the card shows: the address once, then the message
    const first = cards.first();
    const name = await first.evaluate((b) => b.textContent ?? "");
    expect(name).toMatch(/^[A-Z]+\d+ · \S/);
    expect(name.match(/[A-Z]+\d+/g)?.length).toBe(1);
    const active = () => page.evaluate(() => document.activeElement?.getAttribute("data-cell") ?? null);
    await first.focus();
    const start = await active();
    await page.keyboard.press("ArrowDown");
    const second = await active();
    expect(second).not.toBeNull();
    expect(second).not.toBe(start);
    await page.keyboard.press("Tab");
    // one Tab leaves the list (17 cards were 17 Tab stops)
    expect(await active()).toBeNull();
    await page.keyboard.press("Shift+Tab");
    expect(await active()).toBe(second); // back to the card last used

    const opener = page.getByRole("button", { name: "Velg kolonner …" });
    await opener.click();
    await page.getByRole("dialog").waitFor();
    await page.keyboard.press("Escape");
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ""))
      .toBe("Velg kolonner …");
    await page.close();
  }, 120_000);

  it("refuses impossible input with one message, marked invalid and described (0 planned meetings, «abc»)", async () => {
    const page = await pane.newPage(1000, 900, "?pane=160");
    await paneTab(page, "Kostnad").click();
    const planned = page.getByRole("textbox", { name: "Planlagte møter i året" });
    await planned.fill("0");
    await expect.poll(() => planned.getAttribute("aria-invalid")).toBe("true");
    const described = await planned.evaluate((el) =>
      (el.getAttribute("aria-describedby") ?? "")
        .split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent ?? "")
        .join(" "),
    );
    expect(described).toContain("Planlagte møter må være minst 1, ikke 0.");
    // nothing computed from it: no «Prognose mot budsjett −700 000 kr»
    expect(await page.getByTestId("cost-followup").count()).toBe(0);
    const tonsberg = page.getByRole("textbox", { name: "Innbyggere i Tønsberg" });
    await tonsberg.fill("abc");
    await expect.poll(() => tonsberg.getAttribute("aria-invalid")).toBe("true");
    const alerts = await page.locator("#panel-kostnad [role=alert]").allInnerTexts();
    // one message per refused field, nothing else (no second, contradicting one for «abc»)
    expect(alerts.map((a) => a.replace(/\u00a0/g, " ")).sort()).toEqual([
      "Planlagte møter må være minst 1, ikke 0.",
      "Tønsberg: «abc» er ikke et tall. Skriv innbyggertall som et tall, for eksempel 48 000.",
    ]);
    const found = [
      ...(await axeViolations(page, ".preview-pane")).map((v) => `axe ${v.id} ${v.targets.join(" | ")}`),
      ...(await layoutProblems(page.locator(".preview-pane"))),
    ];
    await page.screenshot({ path: join(shots, "a11y-160-ugyldige-felt.png"), fullPage: true });
    expect(found).toEqual([]);
    await page.close();
  }, 120_000);
});
