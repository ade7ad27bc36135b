/**
 * A big plan in the Kontroll tab: the problem list draws a page of cards per group, says how
 * many it does not show, and «Vis … til» draws the next page with focus on its first card.
 * (A 20 000-row plan holds about 70 000 problems; drawing them all took the pane 7–28 s.)
 */
import { beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { generatePlanWorkbook } from "../../src/cli/xlsx/gen-plan";
import { describeInBrowser, usePreviewPane } from "./harness";

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");

describeInBrowser("Kontroll: a plan with thousands of problems", () => {
  const pane = usePreviewPane();
  let page: Page;
  beforeAll(async () => {
    page = await pane.newPage(500, 900);
    const buffer = Buffer.from(await generatePlanWorkbook(3000).xlsx.writeBuffer());
    await page.getByTestId("open-workbook").setInputFiles({
      name: "stor-plan.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    // «Leser …» while it reads; then the header names the file the pane now works on.
    await page.getByText(/Forhåndsvisning uten Excel: «stor-plan\.xlsx»/).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Kontroller", exact: true }).waitFor();
  }, 90_000);

  it("shows 200 cards per group with the count of those not shown, and pages on by keyboard", async () => {
    await page.getByRole("button", { name: "Kontroller", exact: true }).click({ timeout: 30_000 });
    const heading = page.getByRole("heading", { name: /^Advarsler \([\d\s\u00a0]+\)$/ });
    await heading.waitFor({ timeout: 90_000 }).catch(async (e) => {
      console.log(await page.locator("#panel-kontroll").textContent());
      throw e;
    });
    const total = Number(norm((await heading.textContent()) ?? "").replace(/\D/g, ""));
    expect(total).toBeGreaterThan(400);
    const section = page.locator("section", { has: heading });
    const cards = section.locator("li");
    expect(await cards.count()).toBe(200);
    const line = section.getByText(/^Viser [\d\s\u00a0]+ av [\d\s\u00a0]+ advarsler\.$/);
    expect(norm((await line.textContent()) ?? "")).toBe(
      `Viser 200 av ${total.toLocaleString("nb-NO").replace(/\u00a0/g, " ")} advarsler.`,
    );

    const more = section.getByRole("button", { name: "Vis 200 til" });
    await more.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => cards.count()).toBe(400);
    // Focus went to the first new card, the 201st.
    const focused = await page.evaluate(() => {
      const li = document.activeElement?.closest("li");
      return li ? [...li.parentElement!.children].indexOf(li) : -1;
    });
    expect(focused).toBe(200);
  }, 120_000);
});
