/** «Slik ble cellen lest» in the Kontroll tab: selecting a problem shows how its row was read. */
import { beforeAll, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { describeInBrowser, usePreviewPane } from "./harness";

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

describeInBrowser("Kontroll: how the selected row was read", () => {
  const pane = usePreviewPane();
  let page: Page;
  beforeAll(async () => {
    page = await pane.newPage(500, 900);
  });

  it("shows the amounts with year, source and whether they count, and the frist as dates", async () => {
    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    await page.getByRole("heading", { name: /^Advarsler \(\d+\)$/ }).waitFor();
    // 7.1.2's frist (3.kvartal 2027) lies outside the plan year: a warning on the row whose
    // Økonomi is 7.1.1's merged «3 000 000 kr over to år (nov 2025-okt 2027)».
    const item = page.locator("#panel-kontroll button[data-cell]", { hasText: /2027/ }).first();
    await item.click();
    const reading = page.getByTestId("cell-reading");
    await reading.waitFor();
    const text = norm((await reading.textContent()) ?? "");
    expect(text).toMatch(/Slik ble cellen lest \(rad \d+, 7\.1\.2\)/);
    expect(text).toContain("«3.kvartal 2027»");
    expect(text).toContain("01.07.2027–30.09.2027");
    expect(text).toContain("3 000 000 kr");
    expect(text).toContain("nei, gjelder et annet år");
    expect(text).toContain("RST for 2026: 0 kr");
  });
});
