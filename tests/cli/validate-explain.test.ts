/** `rst validate --explain`: each row's reading, in text and in the JSON contract. */
import { beforeAll, describe, expect, it } from "vitest";
import { ValidationJsonSchema, type ValidationJson } from "../../src/cli/json-schemas";
import { EXAMPLE, rst } from "./helpers";

const norm = (s: string) => s.replace(/[\u00a0\u202f]/g, " ").replace(/\u2212/g, "-");

describe("rst validate --explain", () => {
  let text: string;
  let json: ValidationJson;
  beforeAll(async () => {
    const t = await rst("validate", EXAMPLE, "--explain");
    expect(t.code, t.stderr).toBe(0);
    text = norm(t.stdout);
    const j = await rst("validate", EXAMPLE, "--explain", "--format", "json");
    expect(j.code, j.stderr).toBe(0);
    json = ValidationJsonSchema.parse(JSON.parse(j.stdout));
  });

  it("prints every amount with year, source and whether it counts, and the frist as dates", () => {
    expect(text).toContain("Slik ble cellene lest:");
    expect(text).toContain("410 000 kr · alle år utenom 2027 · RST · teller for 2026: ja");
    expect(text).toContain("550 000 kr · 2027 · RST · teller for 2026: nei, gjelder et annet år");
    expect(text).toMatch(/1 100 000 kr · 2025 · velferdsteknologiordningen · teller for 2026: nei/);
    expect(text).toMatch(/Frist E\d+: «3\.kvartal 2026» → 01\.07\.2026–30\.09\.2026/);
    // A merged Økonomi cell is read once, on its own row.
    expect(text).toMatch(/Økonomi F8: sammenslått celle, lest og talt med én gang \(på rad 8\)/);
  });

  it("is in the JSON, and the rows' RST money adds up to the plan's total", () => {
    const rows = json.explanation ?? [];
    expect(rows.length).toBe(json.summary.rows);
    const ung = rows.find((r) => r.nr === "1.1.1")!;
    expect(ung.okonomi?.amounts.map((a) => [a.value, a.years, a.standing])).toEqual([
      [410000, [], "counts"],
      [550000, [2027], "other-year"],
    ]);
    expect(ung.okonomi?.rstForYear).toBe(410000);
    const seven = rows.find((r) => r.nr === "7.1.1")!;
    expect(seven.okonomi?.amounts[0]).toMatchObject({
      value: 3000000,
      years: [2025],
      standing: "other-year",
    });
    expect(seven.okonomi?.amounts[0].note).toMatch(/starter i 2025/);
    const seen = new Set<string>();
    let total = 0;
    for (const r of rows)
      if (r.okonomi && !seen.has(r.okonomi.cell)) {
        seen.add(r.okonomi.cell);
        total += r.okonomi.rstForYear;
      }
    expect(total).toBe(json.summary.rstTotal);
  });

  it("without --explain there is no explanation", async () => {
    const j = await rst("validate", EXAMPLE, "--format", "json");
    expect(JSON.parse(j.stdout).explanation).toBeUndefined();
  });
});
