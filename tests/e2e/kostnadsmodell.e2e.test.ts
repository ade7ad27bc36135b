/**
 * Browser end-to-end test of the Kostnadsmodell tab at the narrow task-pane width, as a controller
 * uses it: pick a scenario, read the key figures and the chart, insert the sheet into the (fake)
 * workbook, share the cost and follow up a budget. Seed: examples/data/kostnadsmodeller.json.
 */
import { beforeAll, expect, it } from "vitest";
import { join } from "node:path";
import type { Locator, Page } from "playwright-core";
import { describeInBrowser, fake, overflowing, paneTab, shots, usePreviewPane } from "./harness";
import { plain } from "../plain";

/** The term → definition pairs of the description lists in `region`, as shown. */
async function figures(region: Locator): Promise<Record<string, string>> {
  await region.waitFor();
  const terms = await region.getByRole("term").allInnerTexts();
  const definitions = await region.getByRole("definition").allInnerTexts();
  // amounts are written with no-break spaces (core/format.ts); compared in plain spelling
  return plain(Object.fromEntries(terms.map((t, i) => [t.trim(), definitions[i]?.trim()])));
}

/** The cells of each body row of `table`, keyed by the row's header. */
async function rows(table: Locator): Promise<Record<string, string[]>> {
  await table.waitFor();
  const out: Record<string, string[]> = {};
  for (const row of await table.getByRole("row").all()) {
    const head = await row.getByRole("rowheader").allInnerTexts();
    if (head.length === 1)
      out[plain(head[0].trim())] = (await row.getByRole("cell").allInnerTexts()).map((c) => plain(c.trim()));
  }
  return out;
}

/**
 * Labels of the chart that are drawn over its curve or over each other (in the SVG's own units;
 * the rotated axis title is left out).
 */
function labelClashes(chart: Locator): Promise<string[]> {
  return chart.evaluate((svg) => {
    const curve = svg.querySelector<SVGPathElement>('[data-testid="cost-chart-curve"]')!;
    const half = Number(curve.getAttribute("stroke-width") ?? 1) / 2;
    const samples: DOMPoint[] = [];
    for (let d = 0; d <= curve.getTotalLength(); d += 0.5) samples.push(curve.getPointAtLength(d));
    const labels = Array.from(svg.querySelectorAll<SVGTextElement>("text"))
      .filter((t) => !t.getAttribute("transform"))
      .map((t) => ({ text: t.textContent ?? "", box: t.getBBox() }));
    const out: string[] = [];
    for (const { text, box } of labels) {
      const hit = samples.some(
        (p) =>
          p.x >= box.x - half &&
          p.x <= box.x + box.width + half &&
          p.y >= box.y - half &&
          p.y <= box.y + box.height + half,
      );
      if (hit) out.push(`«${text}» over kurven`);
    }
    labels.forEach((a, i) =>
      labels.slice(i + 1).forEach((b) => {
        const apart =
          a.box.x + a.box.width <= b.box.x ||
          b.box.x + b.box.width <= a.box.x ||
          a.box.y + a.box.height <= b.box.y ||
          b.box.y + b.box.height <= a.box.y;
        if (!apart) out.push(`«${a.text}» over «${b.text}»`);
      }),
    );
    return out;
  });
}

/** How far the text of a cell starts from the cell's left edge and ends from its right edge, in px. */
const textInset = (cell: Locator) =>
  cell.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const text = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return { left: text.left - box.left, right: box.right - text.right };
  });

const sheetData = (p: Page, name: string) =>
  fake(p, (w, n) => w.toData().sheets.find((s) => s.name === n) ?? null, name);

describeInBrowser("Kostnadsmodell tab in the browser (preview + fake Excel, 320 px)", () => {
  const pane = usePreviewPane();
  let page: Page;
  let panel: Locator;

  beforeAll(async () => {
    page = await pane.newPage(320, 800);
    await paneTab(page, "Kostnad").click();
    panel = page.getByRole("tabpanel", { name: "Kostnad" });
    await panel.getByRole("radiogroup", { name: "Scenario" }).waitFor();
    await page.mouse.move(310, 790); // no tab tooltip over the panel in the screenshots
  });

  it("shows the key figures of the chosen scenario, 2024-nivå first", async () => {
    expect(await panel.getByRole("radio", { name: "2024-nivå (380 oppdrag)" }).isChecked()).toBe(true);
    expect(await figures(panel.getByRole("region", { name: "Ambulant røntgen, 2024-nivå" }))).toEqual({
      Årskostnad: "1 194 000 kr",
      "Kostnad per oppdrag": "3 142 kr",
      "Alternativ per pasient": "30 000 kr",
      Balansepunkt: "40 oppdrag",
      "Besparelse per år": "10 206 000 kr",
    });
    await page.screenshot({ path: join(shots, "taskpane-320-kostnad.png") });

    // The arrow key moves to the other scenario, as in any radio group.
    await panel.getByRole("radio", { name: "2024-nivå (380 oppdrag)" }).focus();
    await page.keyboard.press("ArrowDown");
    await expect
      .poll(() => panel.getByRole("radio", { name: "2018/19-nivå (700 oppdrag)" }).isChecked())
      .toBe(true);
    await expect
      .poll(() => figures(panel.getByRole("region", { name: "Ambulant røntgen, 2018/19-nivå" })))
      .toEqual({
        Årskostnad: "1 214 000 kr",
        "Kostnad per oppdrag": "1 734 kr",
        "Alternativ per pasient": "30 000 kr",
        Balansepunkt: "41 oppdrag",
        "Besparelse per år": "19 786 000 kr",
      });
    await expect.poll(() => panel.getByRole("img", { name: /billigere fra 41 oppdrag/ }).count()).toBe(1);

    await panel.getByRole("radio", { name: "2024-nivå (380 oppdrag)" }).check();
    await panel.getByRole("region", { name: "Ambulant røntgen, 2024-nivå" }).waitFor();
  });

  it("draws the sensitivity chart with the break-even on the alternative's line, and its table", async () => {
    const chart = panel.getByRole("img", { name: /^Kostnad per oppdrag faller/ });
    expect(plain(await chart.getAttribute("aria-label"))).toBe(
      "Kostnad per oppdrag faller fra 29 850 kr ved 40 oppdrag til 1 194 kr ved 1 000 oppdrag i året. " +
        "Alternativet koster 30 000 kr per pasient; ambulant røntgen er billigere fra 40 oppdrag i året.",
    );
    const box = (await chart.boundingBox())!;
    expect(box.width).toBeGreaterThan(280); // the pane's width less its padding
    expect(box.height).toBeGreaterThan(180);
    const text = plain(await chart.textContent());
    for (const label of [
      "Balansepunkt 40",
      "Alternativ 30 000 kr",
      "Oppdrag per år",
      "Kostnad per oppdrag (kr)",
    ])
      expect(text).toContain(label);
    // The break-even dot sits on the dashed 30 000 line: where the curve crosses it.
    const dot = (await chart.locator("circle").boundingBox())!;
    const line = (await page.getByTestId("cost-chart-alternative").boundingBox())!;
    expect(Math.abs(dot.y + dot.height / 2 - (line.y + line.height / 2))).toBeLessThan(2);
    expect(await labelClashes(chart)).toEqual([]);
    await chart.screenshot({ path: join(shots, "taskpane-320-kostnad-graf.png") });

    const table = panel.getByRole("table", { name: /^Kostnad per oppdrag og besparelse per år/ });
    await expect
      .poll(async () => Object.keys(await rows(table)))
      .toEqual(["100", "200", "300", "400", "500", "600", "700", "800", "900", "1 000"]);
    const byMissions = await rows(table);
    expect(byMissions["100"]).toEqual(["11 940", "1 806 000"]);
    expect(byMissions["1 000"]).toEqual(["1 194", "28 806 000"]);
  });

  it("inserts the cost model sheet with formulas, and a copy only after asking", async () => {
    await panel.getByRole("button", { name: "Sett inn kostnadsmodell" }).click();
    await panel.getByText("Arket «Kostnadsmodell» er satt inn.").waitFor();
    expect(await fake(page, (w) => w.getSheetNames())).toContain("Kostnadsmodell");

    const sheet = (await sheetData(page, "Kostnadsmodell"))!;
    const formulas = Object.values(sheet.formulas ?? {});
    // The fake host does not calculate: the sheet is live through its formulas.
    for (const fn of ["COST.ANNUAL", "COST.PERUNIT", "COST.BREAKEVEN", "COST.SHARE", "COST.FORECAST"])
      expect(
        formulas.some((f) => f.startsWith("=") && f.includes(`${fn}(`)),
        fn,
      ).toBe(true);
    const values = sheet.cells.flat();
    for (const input of [850_000, 700_000, 1_600_000, 380, 700, 1000, 18_000, 12_000])
      expect(values).toContain(input);
    expect(values).toContain("Ambulant røntgen – kostnadsmodell");
    // The preview's workbook gets the new sheet tab.
    await page.getByRole("tablist", { name: "Ark" }).getByRole("tab", { name: "Kostnadsmodell" }).waitFor();

    // Again: the pane asks first; cancelling adds nothing, and a copy leaves the existing sheet as it was.
    const names = await fake(page, (w) => w.getSheetNames());
    const dialog = page.getByRole("dialog", { name: "Arket finnes fra før" });
    await panel.getByRole("button", { name: "Sett inn kostnadsmodell" }).click();
    await dialog.getByRole("button", { name: "Avbryt" }).click();
    await dialog.waitFor({ state: "hidden" });
    expect(await fake(page, (w) => w.getSheetNames())).toEqual(names);

    await panel.getByRole("button", { name: "Sett inn kostnadsmodell" }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain("Det endres ikke");
    await page.screenshot({ path: join(shots, "taskpane-320-kostnad-finnes.png"), animations: "disabled" });
    const copyName = (await dialog.textContent())!.match(/som et nytt ark «(.+?)»/)![1];
    expect(copyName).not.toBe("Kostnadsmodell");
    await dialog.getByRole("button", { name: "Sett inn som nytt ark" }).click();
    await panel.getByText(`Arket «${copyName}» er satt inn.`).waitFor();
    expect(await fake(page, (w) => w.getSheetNames())).toEqual(
      expect.arrayContaining(["Kostnadsmodell", copyName]),
    );
    expect(await sheetData(page, "Kostnadsmodell")).toEqual(sheet);
  });

  it("shares the annual cost between the hospital and the six municipalities", async () => {
    const region = panel.getByRole("region", { name: "Kostnadsdeling" });
    expect(await region.getByRole("status").textContent()).toBe(
      "Fyll inn innbyggertall for Færder, Holmestrand, Horten, Larvik, Sandefjord, Tønsberg.",
    );

    await region
      .getByRole("combobox", { name: "Fordelingsmodell" })
      .selectOption({ label: "50/50, kommunene likt" });
    // Polled: React may still be drawing the rows right after the change.
    const equal = region.getByRole("table", {
      name: /^50\/50, kommunene likt: 1\s194\s000\skr i hele kroner\.$/,
    });
    await expect
      .poll(() => rows(equal))
      .toEqual({
        "Sykehuset i Vestfold": ["597 000"],
        Færder: ["99 500"],
        Holmestrand: ["99 500"],
        Horten: ["99 500"],
        Larvik: ["99 500"],
        Sandefjord: ["99 500"],
        Tønsberg: ["99 500"],
        Sum: ["1 194 000"],
      });

    await region
      .getByRole("combobox", { name: "Fordelingsmodell" })
      .selectOption({ label: "50/50, kommunene etter innbyggertall" });
    const population = {
      Færder: "48 000",
      Holmestrand: "16 000",
      Horten: "16 000",
      Larvik: "16 000",
      Sandefjord: "16 000",
    };
    for (const [m, n] of Object.entries(population))
      await region.getByRole("textbox", { name: `Innbyggere i ${m}` }).fill(n);
    await region.getByRole("textbox", { name: "Innbyggere i Tønsberg" }).fill("mange");
    // one message, for that field, from core/cost-model/inputs
    expect(plain(await region.getByRole("alert").textContent())).toBe(
      "Tønsberg: «mange» er ikke et tall. Skriv innbyggertall som et tall, for eksempel 48 000.",
    );
    expect(
      await region.getByRole("textbox", { name: "Innbyggere i Tønsberg" }).getAttribute("aria-invalid"),
    ).toBe("true");
    await region.getByRole("textbox", { name: "Innbyggere i Tønsberg" }).fill("16000");
    await expect.poll(() => region.getByRole("alert").count()).toBe(0);
    const byPopulation = region.getByRole("table", { name: /^50\/50, kommunene etter innbyggertall/ });
    await expect
      .poll(() => rows(byPopulation))
      .toEqual({
        "Sykehuset i Vestfold": ["597 000"],
        Færder: ["223 875"],
        Holmestrand: ["74 625"],
        Horten: ["74 625"],
        Larvik: ["74 625"],
        Sandefjord: ["74 625"],
        Tønsberg: ["74 625"],
        Sum: ["1 194 000"],
      });
    // Names read from the left edge of their column, amounts line up on the right.
    const table = region.getByRole("table", { name: /^50\/50, kommunene etter innbyggertall/ });
    for (const cell of [
      table.getByRole("columnheader", { name: "Part" }),
      table.getByRole("rowheader", { name: "Sykehuset i Vestfold" }),
      table.getByRole("rowheader", { name: "Horten" }),
    ])
      expect((await textInset(cell)).left, (await cell.textContent()) ?? "").toBeLessThan(8);
    expect((await textInset(table.getByRole("cell", { name: /^223\s875$/ }))).right).toBeLessThan(8);
    await region.screenshot({ path: join(shots, "taskpane-320-kostnad-deling.png") });
  });

  it("follows up the budget of the møteserie: overspend and the forecast at 10 meetings", async () => {
    const region = panel.getByRole("region", { name: "Budsjettoppfølging" });
    const field = (label: string) => region.getByRole("textbox", { name: label });
    expect(await field("Bevilget (budsjett), kr").inputValue()).toBe("700 000");
    expect(await field("Regnskap (påløpt), kr").inputValue()).toBe("808 985");
    expect(await field("Fakturert hittil, kr").inputValue()).toBe("323 598");
    expect(await field("Gjennomførte møter").inputValue()).toBe("4");
    expect(await field("Planlagte møter i året").inputValue()).toBe("10");
    expect(await figures(region)).toEqual({
      Merforbruk: "108 985 kr",
      "Prognose for året": "808 995 kr",
      "Prognose mot budsjett": "108 995 kr",
    });
    await region.screenshot({ path: join(shots, "taskpane-320-kostnad-oppfolging.png") });

    await field("Planlagte møter i året").fill("8");
    await field("Regnskap (påløpt), kr").fill("650 000");
    await expect
      .poll(() => figures(region))
      .toEqual({
        Mindreforbruk: "50 000 kr",
        "Prognose for året": "647 196 kr",
        "Prognose mot budsjett": "-52 804 kr",
      });

    await field("Gjennomførte møter").fill("fire");
    await region
      .getByText("«fire» er ikke et tall. Skriv gjennomførte møter som et tall, for eksempel 4.")
      .waitFor();
    expect(await field("Gjennomførte møter").getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => region.getByRole("term").count()).toBe(0);
    await field("Gjennomførte møter").fill("4");
    await region.getByRole("term").first().waitFor();
  });

  it("fits 320 and 350 px: nothing sticks out of the pane", async () => {
    expect(await overflowing(panel)).toEqual([]);
    await panel.screenshot({ path: join(shots, "taskpane-320-kostnad-hele.png") });
    const p = await pane.newPage(350, 800);
    await paneTab(p, "Kostnad").click();
    const wider = p.getByRole("tabpanel", { name: "Kostnad" });
    await wider.getByRole("img", { name: /^Kostnad per oppdrag faller/ }).waitFor();
    await p.mouse.move(340, 790);
    expect(await overflowing(wider)).toEqual([]);
    await wider.screenshot({ path: join(shots, "taskpane-350-kostnad-hele.png") });
    await p.close();
  });

  it("made no request outside 127.0.0.1 and logged no errors", () => {
    expect(pane.blocked).toEqual([]);
    expect(pane.pageErrors).toEqual([]);
  });
});
