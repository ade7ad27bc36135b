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
});
