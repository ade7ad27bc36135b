/**
 * Browser end-to-end test of the task pane running in the preview against the fake Excel host
 * (setup in harness.ts: Debian's chromium via playwright-core, nothing outside 127.0.0.1).
 */
import { beforeAll, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import type { GridWorkbook } from "../../src/core/grid";
import { a1, cellText } from "../../src/core/grid";
import { describeInBrowser, fake, overflowing, paneTab, shots, usePreviewPane } from "./harness";
import { plain } from "../plain";

/** Locate the plan's cells in the example workbook the preview serves, by Nr and column header. */
function planAddresses(wb: GridWorkbook) {
  for (const g of wb.sheets) {
    for (let r = 0; r < Math.min(g.rows.length, 15); r++) {
      const headers = g.rows[r].map(cellText);
      const nrCol = headers.findIndex((h) => /^nr\.?$/i.test(h));
      const fristCol = headers.findIndex((h) => /^frist$/i.test(h));
      const ansvarCol = headers.findIndex((h) => /^ansvar$/i.test(h));
      if (nrCol < 0 || fristCol < 0 || ansvarCol < 0) continue;
      const rowOf = (nr: string) => {
        const i = g.rows.findIndex((row) => cellText(row[nrCol]) === nr);
        if (i < 0) throw new Error(`Fant ikke tiltak ${nr} i ${g.sheet}`);
        return i;
      };
      return {
        sheet: g.sheet,
        fristHeader: a1(r, fristCol),
        frist212: a1(rowOf("2.1.2"), fristCol),
        ansvar111: a1(rowOf("1.1.1"), ansvarCol),
        frist712: a1(rowOf("7.1.2"), fristCol),
      };
    }
  }
  throw new Error("Fant ikke handlingsplanens overskrifter i eksempelarbeidsboken");
}

describeInBrowser("task pane in the browser (preview + fake Excel)", () => {
  const pane = usePreviewPane();
  let page: Page;
  let plan: ReturnType<typeof planAddresses>;

  beforeAll(async () => {
    plan = planAddresses(JSON.parse(readFileSync(join(pane.dist, "workbook.json"), "utf8")) as GridWorkbook);
    page = await pane.newPage(1280, 800);
  });

  it("checks the plan, lists the seed's warnings and marks their cells", async () => {
    const before = await fake(page, (w, a) => w.getFill(a.sheet, a.cell), {
      sheet: plan.sheet,
      cell: plan.frist212,
    });
    // Kept for the later tests at once (a failure below must not take them down with it).
    (globalThis as Record<string, unknown>).__before = before;

    // When it opens the pane looks for marks left from before and re-activates our formulas
    // (one run each): let them finish.
    await expect.poll(() => fake(page, (w) => w.runSyncs.length)).toBeGreaterThanOrEqual(2);
    await fake(page, (w) => w.resetSyncCount());
    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    await page.getByRole("heading", { name: /^Advarsler \(\d+\)$/ }).waitFor();
    // One Excel.run for the whole check (src/excel/check.ts: names, shapes and bookkeeping,
    // values, text, formulas and merges, originals, writes: 5 syncs); then, once, the change listener on
    // the plan sheet (1 sync), so a later edit marks the result stale even with live checks off.
    await expect.poll(() => fake(page, (w) => w.runSyncs)).toEqual([5, 1]);

    const item = (cell: string) => page.locator(`#panel-kontroll button[data-cell="${cell}"]`);
    await expect(item(plan.frist212).first().textContent()).resolves.toMatch(/Frist/);
    await expect(item(plan.ansvar111).first().textContent()).resolves.toMatch(/Ansvar/);
    await expect(item(plan.frist712).first().textContent()).resolves.toMatch(/2027|utenfor|planår/i);

    const counts = await page.locator("#panel-kontroll h3").allTextContents();
    expect(counts.some((t) => /^Advarsler \(\d+\)$/.test(t))).toBe(true);

    const marked = await fake(page, (w, a) => w.getFill(a.sheet, a.cell), {
      sheet: plan.sheet,
      cell: plan.frist212,
    });
    expect(marked).not.toBeNull();
    expect(marked).not.toBe(before);
    const note = await fake(page, (w, a) => w.getNote(a.sheet, a.cell) ?? null, {
      sheet: plan.sheet,
      cell: plan.frist212,
    });
    expect(note ?? "").not.toBe("");
    // The preview's grid shows the same fill (it redraws on its next poll of the fake host).
    const gridBg = () =>
      page
        .locator(`[data-testid="grid"] td[data-address="${plan.frist212}"]`)
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect.poll(gridBg).not.toBe("rgba(0, 0, 0, 0)");

    await page.screenshot({ path: join(shots, "taskpane-1280-kontroll.png") });
  });

  it("selects the cell of a clicked problem", async () => {
    await page.locator(`#panel-kontroll button[data-cell="${plan.ansvar111}"]`).first().click();
    await expect
      .poll(() => fake(page, (w) => w.getSelection()))
      .toEqual({ sheet: plan.sheet, address: plan.ansvar111 });
  });

  it("clears the marks and gives the cells their own fills back", async () => {
    const before = (globalThis as Record<string, unknown>).__before as string | null;
    const clear = page.getByRole("button", { name: "Fjern markeringer" });
    expect(await clear.isEnabled()).toBe(true);
    await clear.click();
    await expect
      .poll(() =>
        fake(page, (w, a) => w.getFill(a.sheet, a.cell), { sheet: plan.sheet, cell: plan.frist212 }),
      )
      .toBe(before);
    expect(
      await fake(page, (w, a) => w.getNote(a.sheet, a.cell) ?? null, {
        sheet: plan.sheet,
        cell: plan.frist212,
      }),
    ).toBeNull();
    await expect.poll(() => clear.isEnabled()).toBe(false);
  });

  it("with live checks off, an edit marks the result stale and nothing is re-checked until asked", async () => {
    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    const item = page.locator(`#panel-kontroll button[data-cell="${plan.frist212}"]`);
    await item.first().waitFor();
    // No pause: live.ts drops only the events of cells we wrote ourselves, so an edit made
    // right after our writes (the re-activated formulas when the pane opened) still counts.
    await fake(page, (w) => w.resetSyncCount());
    await fake(page, (w, a) => w.editCell(a.sheet, a.cell, "4. kvartal 2026"), {
      sheet: plan.sheet,
      cell: plan.frist212,
    });
    const banner = page.getByText("Resultatet er fra før endringene – kontroller på nytt");
    await banner.waitFor({ timeout: 10_000 });
    expect(await item.count()).toBeGreaterThan(0); // the old list stays, marked as old
    expect(await fake(page, (w) => w.runSyncs)).toEqual([]); // no check ran
    await page.screenshot({ path: join(shots, "taskpane-1280-utdatert.png") });
    await page.getByRole("button", { name: "Kontroller på nytt" }).click();
    await expect.poll(() => item.count()).toBe(0);
    await banner.waitFor({ state: "hidden" });
    // Back to the seed's empty Frist for the next test.
    await fake(page, (w, a) => w.editCell(a.sheet, a.cell, ""), { sheet: plan.sheet, cell: plan.frist212 });
    await banner.waitFor({ timeout: 10_000 });
  });

  it("re-checks while typing when live checks are on, without moving the selection", async () => {
    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    const item = page.locator(`#panel-kontroll button[data-cell="${plan.frist212}"]`);
    await item.first().waitFor();
    await page.getByRole("switch", { name: "Kontroller mens jeg skriver" }).check();
    const selectionBefore = await fake(page, (w) => w.getSelection());

    await fake(page, (w, a) => w.editCell(a.sheet, a.cell, "4.kvartal 2026"), {
      sheet: plan.sheet,
      cell: plan.frist212,
    });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(0);
    expect(
      await fake(page, (w, a) => w.getFill(a.sheet, a.cell), { sheet: plan.sheet, cell: plan.frist212 }),
    ).toBe((globalThis as Record<string, unknown>).__before);
    expect(await fake(page, (w) => w.getSelection())).toEqual(selectionBefore);

    // Emptying it again brings the problem back.
    await fake(page, (w, a) => w.editCell(a.sheet, a.cell, ""), { sheet: plan.sheet, cell: plan.frist212 });
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBeGreaterThan(0);
  });

  it("shows the RST ledger with a chart", async () => {
    await paneTab(page, "RST").click();
    const table = page.locator("#panel-rst table");
    await table.waitFor();
    const text = plain(await table.textContent());
    expect(text).toContain("7 000 030");
    expect(text).toContain("6 960 000");
    expect(text).toContain("1 810 030");
    const chart = page.getByTestId("rst-chart");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.getAttribute("aria-label")).toMatch(/2025/);
    expect(await page.getByTestId("rst-budget").textContent()).toMatch(/kr/);
    await page.screenshot({ path: join(shots, "taskpane-1280-rst.png") });
  });

  it("writes the årlig melding sheet", async () => {
    await paneTab(page, "Melding").click();
    const make = page.getByRole("button", { name: "Lag ark" });
    await expect.poll(() => make.isEnabled(), { timeout: 10_000 }).toBe(true);
    const year = await page.locator("#panel-melding [role=combobox]").first().textContent();
    await make.click();
    const name = `Årlig melding ${(year ?? "").trim()}`;
    await expect.poll(() => fake(page, (w) => w.getSheetNames())).toContain(name);
    const rows = await fake(page, (w, a) => w.getTexts(a), name);
    const flat = rows.slice(0, 4).map((r) => r.join(" | "));
    expect(flat.join("\n")).toMatch(/Årlig melding|årlig melding/i);
    expect(rows.some((r) => r.includes("Navn på tiltak") || r.includes("Tiltak"))).toBe(true);
    expect(rows.flat().join(" ")).toMatch(/Vitality/);
    await page.screenshot({ path: join(shots, "taskpane-1280-melding.png") });
  });

  it("replaces its own unchanged report sheet, but asks before touching one the user typed into", async () => {
    const year = ((await page.locator("#panel-melding [role=combobox]").first().textContent()) ?? "").trim();
    const name = `Årlig melding ${year}`;
    const make = page.getByRole("button", { name: "Lag ark" });
    // Ours and unchanged: written again in place, no question, no copy.
    await make.click();
    await expect
      .poll(() => page.locator("#panel-melding [role=status]").textContent())
      .toContain(`«${name}»`);
    expect(await page.getByRole("dialog").count()).toBe(0);
    expect((await fake(page, (w) => w.getSheetNames())).filter((n) => n.startsWith(name))).toEqual([name]);

    // The user types into it: now it is theirs, and «Lag ark» asks first.
    await fake(page, (w, a) => w.editCell(a, "A1", "Mine notater"), name);
    // getTexts reads the preview's drawing, which catches up with an edit on its next poll.
    await expect.poll(() => fake(page, (w, a) => w.getTexts(a)[0][0], name)).toBe("Mine notater");
    const before = await fake(page, (w, a) => w.getTexts(a), name);
    await make.click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`«${name}»`);
    await dialog.getByRole("button", { name: "Lag nytt ark" }).click();
    await expect.poll(() => fake(page, (w) => w.getSheetNames())).toContain(`${name} (2)`);
    expect(await fake(page, (w, a) => w.getTexts(a), name)).toEqual(before);
    expect(before[0][0]).toBe("Mine notater");
  });

  it("downloads the report as .docx and .csv made in the browser", async () => {
    const [docx] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Last ned .docx" }).click(),
    ]);
    expect(docx.suggestedFilename()).toMatch(/^arlig-melding-\d{4}\.docx$/);
    const docxBytes = readFileSync((await docx.path())!);
    expect(docxBytes.subarray(0, 2).toString("latin1")).toBe("PK"); // a zip (OOXML) container
    expect(docxBytes.length).toBeGreaterThan(2000);

    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Last ned .csv" }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^arlig-melding-\d{4}\.csv$/);
    const text = readFileSync((await csv.path())!, "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(text).toContain(";");
    expect(text).toMatch(/Vitality/);
  });

  it("asks for the columns when the header is not recognised and saves the choice in the document", async () => {
    await paneTab(page, "Kontroll").click();
    const letter = plan.fristHeader.replace(/\d+$/, "");
    await fake(page, (w, a) => w.editCell(a.sheet, a.cell, "Tidspunkt"), {
      sheet: plan.sheet,
      cell: plan.fristHeader,
    });
    await page.getByRole("button", { name: "Kontroller", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Fant ikke overskriftene/);
    await dialog.getByRole("combobox", { name: /^Frist/ }).click();
    await page.getByRole("option", { name: `${letter} – Tidspunkt` }).click();
    await page.screenshot({ path: join(shots, "taskpane-1280-kolonner.png") });
    await dialog.getByRole("button", { name: "Lagre og kontroller" }).click();
    await dialog.waitFor({ state: "hidden" });

    const saved = await page.evaluate(() => Office.context.document.settings.get("columnMapping"));
    expect(saved).toMatchObject({ frist: letter });
    // Validation now reads Frist from the chosen column: the empty Frist of 2.1.2 is found again.
    await expect
      .poll(() => page.locator(`#panel-kontroll button[data-cell="${plan.frist212}"]`).count())
      .toBeGreaterThan(0);
    await fake(page, (w, a) => w.editCell(a.sheet, a.cell, "Frist"), {
      sheet: plan.sheet,
      cell: plan.fristHeader,
    });
  });

  it("fits the narrow task pane widths without horizontal scrolling", async () => {
    for (const width of [375, 320]) {
      const p = await pane.newPage(width, 700);
      await p.getByRole("button", { name: "Kontroller", exact: true }).click();
      await p.getByRole("heading", { name: /^Advarsler/ }).waitFor();
      const overflow = await p.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `horisontal rulling ved ${width} px`).toBeLessThanOrEqual(0);
      await p.screenshot({ path: join(shots, `taskpane-${width}-kontroll.png`) });
      await p.screenshot({ path: join(shots, `taskpane-${width}-kontroll-full.png`), fullPage: true });
      for (const [tab, file] of [
        ["RST", "rst"],
        ["Melding", "melding"],
      ] as const) {
        await paneTab(p, tab).click();
        await p.waitForTimeout(300);
        await p
          .locator(`#panel-${file === "rst" ? "rst table" : "melding h3"}`)
          .first()
          .waitFor();
        const o = await p.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(o, `horisontal rulling i ${tab} ved ${width} px`).toBeLessThanOrEqual(0);
        expect(await overflowing(p.getByRole("tabpanel", { name: tab })), `avkuttet i ${tab}`).toEqual([]);
        await p.screenshot({ path: join(shots, `taskpane-${width}-${file}.png`), fullPage: true });
      }
      await p.close();
    }
  });

  it("keeps the tab row on one line at 320, 350 and 500 px, with arrow-key navigation", async () => {
    const names = ["Kontroll", "RST", "Melding", "Kostnad"];
    for (const width of [320, 350, 500]) {
      const p = await pane.newPage(width, 600);
      const tabs = p.getByRole("tablist", { name: "RST-verktøy" }).getByRole("tab");
      // The row shows short names where the full one is long; the visible name is the accessible name.
      for (const name of names) expect(await paneTab(p, name).count(), name).toBe(1);
      expect(await tabs.allInnerTexts()).toEqual(["Kontroll", "RST", "Melding", "Kostnad"]);
      const boxes = await tabs.evaluateAll((els) =>
        els.map((e) => ({ top: e.getBoundingClientRect().top, right: e.getBoundingClientRect().right })),
      );
      expect(new Set(boxes.map((b) => b.top)).size, `fanene på én linje ved ${width} px`).toBe(1);
      expect(Math.max(...boxes.map((b) => b.right))).toBeLessThanOrEqual(width);
      await p.screenshot({
        path: join(shots, `taskpane-${width}-faner.png`),
        clip: { x: 0, y: 0, width, height: 160 },
      });

      if (width === 320) {
        await paneTab(p, "Kontroll").focus();
        await p.keyboard.press("ArrowRight");
        await p.keyboard.press("ArrowRight");
        await p.keyboard.press("ArrowRight");
        const focused = () =>
          p.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText ?? "");
        await expect.poll(focused).toBe("Kostnad");
        // Focus shows the full name as a tooltip.
        await expect.poll(() => p.getByRole("tooltip").textContent()).toBe("Kostnadsmodell");
        await p.screenshot({
          path: join(shots, "taskpane-320-faner-fokus.png"),
          clip: { x: 0, y: 0, width, height: 160 },
        });
        await p.keyboard.press("Enter");
        await p.getByRole("tabpanel", { name: "Kostnad" }).waitFor();
        // The tab's code is its own chunk, loaded when first opened.
        await p.getByRole("button", { name: "Sett inn kostnadsmodell" }).waitFor();
        expect(await paneTab(p, "Kostnad").getAttribute("aria-selected")).toBe("true");
        // Tab leaves the tab row for the chosen panel.
        await p.keyboard.press("Tab");
        expect(await p.evaluate(() => document.activeElement?.closest("[role=tabpanel]")?.id ?? null)).toBe(
          "panel-kostnad",
        );
      }
      await p.close();
    }
  });

  it("made no request outside 127.0.0.1 and logged no errors", () => {
    expect(pane.blocked).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });
});
