import { describe, expect, it } from "vitest";
import { gridFromValues } from "../../src/core/grid";
import {
  buildReport,
  FIELD_LABELS,
  guessCommunityName,
  NOT_GIVEN,
  reportTable,
  TOTAL_LABEL,
} from "../../src/core/melding/report";
import { normaliseStatus } from "../../src/core/melding/status";
import { melding, registerGrid, SEED_SECTION } from "./fixtures";
import { plain } from "../plain";

interface SeedBlock {
  name: string;
  fields: Record<string, string>;
}

/** Parse the Vestfold section of seeds/004 ("Label: value" lines, a label's value may follow on its own line). */
function parseSeedSection(text: string): { heading: string; blocks: SeedBlock[] } {
  const lines = text
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "");
  const heading = lines.shift()!;
  const blocks: SeedBlock[] = [];
  let pendingLabel: string | null = null;
  for (const line of lines) {
    const label = FIELD_LABELS.find((l) => line.startsWith(l));
    if (label) {
      const value = line
        .slice(label.length)
        .replace(/^\s*\([^)]*\)/, "")
        .replace(/^\s*:?\s*/, "");
      blocks[blocks.length - 1].fields[label] = value;
      pendingLabel = value === "" ? label : null;
    } else if (pendingLabel) {
      blocks[blocks.length - 1].fields[pendingLabel] = line;
      pendingLabel = null;
    } else {
      blocks.push({ name: line, fields: {} });
    }
  }
  return { heading, blocks };
}

describe("buildReport on the Vestfold register (seeds/004)", () => {
  const wb = { sheets: [registerGrid()] };
  const report = buildReport(wb, { year: 2025, name: "Helsefelleskap Vestfold" });
  const seed = parseSeedSection(SEED_SECTION);

  it("has the seed's heading and one block per measure, trailer last", () => {
    expect(report.name).toBe(seed.heading);
    expect(report.blocks.map((b) => b.name)).toEqual(seed.blocks.slice(0, -1).map((b) => b.name));
    expect(report.trailers.map((b) => b.name)).toEqual([seed.blocks[seed.blocks.length - 1].name]);
    expect(seed.blocks).toHaveLength(9);
  });

  it("reproduces every field of the seed section; status through the normalisation table", () => {
    const all = [...report.blocks, ...report.trailers];
    seed.blocks.forEach((sb, i) => {
      const ours = all[i];
      expect(ours.fields.map((f) => f.label)).toEqual(
        i === seed.blocks.length - 1 ? ["Sum"] : [...FIELD_LABELS],
      );
      for (const f of ours.fields) {
        const want = sb.fields[f.label];
        expect(want, `${sb.name} / ${f.label}`).toBeDefined();
        if (f.label === "Status for prosjektet" && want !== NOT_GIVEN) {
          expect(f.value, sb.name).toBe(normaliseStatus(want).text);
        } else {
          expect(plain(f.value), `${sb.name} / ${f.label}`).toBe(want);
        }
      }
    });
  });

  it("shows the normalised statuses, remark kept", () => {
    const status = (i: number) => report.blocks[i].fields[2].value;
    expect(status(0)).toBe("Pågående");
    expect(status(4)).toBe("Planlegging");
    expect(status(6)).toBe("Planlegging - For full finansering må 250 000 av tildeling for 2026 benyttes");
    expect(status(7)).toBe(NOT_GIVEN);
    expect(report.blocks[6].statusNormalised).toBe("Planlegging");
    expect(report.problems.filter((p) => p.code === "status-unknown")).toEqual([]);
  });

  it("totals the measures without the advanced overspend", () => {
    const measures = melding.measures.reduce((s, m) => s + m.sum, 0);
    expect(measures).toBe(14_240_000);
    expect(report.total).toBe(14_240_000);
    expect(report.trailers[0].sum).toBe(250_000);
  });

  it("reads sums written as Norwegian text the same", () => {
    const r2 = buildReport(
      { sheets: [registerGrid({ sumsAsText: true })] },
      { year: 2025, name: "Vestfold" },
    );
    expect(r2.blocks.map((b) => b.sum)).toEqual(report.blocks.map((b) => b.sum));
    expect(r2.name).toBe("Helsefelleskap Vestfold");
    expect(r2.problems).toEqual([]);
  });

  it("guesses the community from a title cell", () => {
    expect(guessCommunityName(wb)).toBe("Helsefelleskap Vestfold");
    expect(buildReport(wb, { year: 2025 }).name).toBe("Helsefelleskap Vestfold");
    const ledgerTitle = gridFromValues("RST", [
      ["Rekrutterings- og samhandlingstilskudd tildelt helsefellesskapet i Vestfold"],
    ]);
    expect(guessCommunityName({ sheets: [ledgerTitle] })).toBe("Helsefelleskap Vestfold");
    expect(
      guessCommunityName({ sheets: [gridFromValues("P", [["Handlingsplan for helsefellesskapet 2026"]])] }),
    ).toBeNull();
  });

  it("reportTable: sums as numbers, trailer and total rows", () => {
    const t = reportTable(report);
    expect(t.headers).toEqual(["Nr", "Navn på tiltak", "Beskrivelse", ...FIELD_LABELS]);
    expect(t.sheetName).toBe("Årlig melding 2025");
    expect(t.rows).toHaveLength(8 + 1 + 1);
    expect(t.rows[0][3]).toBe(8_400_000);
    expect(t.rows[7][4]).toBe(NOT_GIVEN);
    expect(t.rows[8].slice(1, 4)).toEqual(["«Overforbruk» forskuttert av 2026-tilskudd", "", 250_000]);
    expect(t.rows[9].slice(1, 4)).toEqual([TOTAL_LABEL, "", 14_240_000]);
  });
});

describe("register reading", () => {
  it("matches headers case-, space- and accent-insensitively, with synonyms, within 10 rows", () => {
    const g = gridFromValues("Tiltaksregister", [
      [],
      [],
      [],
      [],
      [],
      ["Oversikt"],
      [
        "  NAVN PAA TILTAK ",
        "Beløp",
        "avtale",
        "STATUS (planlegging, forprosjekt, pågående eller avsluttet)",
        "Varighet",
        "Forelopige resultater",
        "Spredning",
        "Ar",
      ],
      ["Samsår", "200 000 kr", "SiV og kommunene", "Ferdig", "2026", "", "", "2025"],
      ["Annet", 100, "", "Oppstart 2026", "", "", "", 2024],
    ]);
    const r = buildReport({ sheets: [g] }, { year: 2025, name: "Test" });
    expect(r.blocks.map((b) => [b.name, b.sum, b.fields[2].value])).toEqual([
      ["Samsår", 200_000, "Avsluttet"],
    ]);
    const all = buildReport({ sheets: [g] }, { year: 2024, name: "Test" });
    expect(all.blocks.map((b) => b.fields[2].value)).toEqual(["Oppstart 2026"]);
    expect(all.problems).toHaveLength(1);
    expect(all.problems[0]).toMatchObject({
      code: "status-unknown",
      severity: "warning",
      cell: "D9",
      value: "Oppstart 2026",
    });
    expect(all.problems[0].message).toContain("D9");
  });

  it("says what is missing when no header is found, and when the sum is not money", () => {
    const none = buildReport(
      {
        sheets: [
          gridFromValues("Årlig melding", [
            ["a", "b"],
            [1, 2],
          ]),
        ],
      },
      { year: 2025 },
    );
    expect(none.blocks).toEqual([]);
    expect(none.problems[0]).toMatchObject({ code: "header-missing", severity: "error" });
    expect(none.problems[0].message).toMatch(/Navn på tiltak/);
    const bad = buildReport(
      {
        sheets: [
          gridFromValues("Årlig melding", [
            ["Navn på tiltak", "Sum", "Status"],
            ["X", "mye penger", "Pågående"],
          ]),
        ],
      },
      { year: 2025 },
    );
    expect(bad.blocks[0].fields[0].value).toBe(NOT_GIVEN);
    expect(bad.problems[0]).toMatchObject({ code: "register-unparseable", cell: "B2", value: "mye penger" });
  });

  it("no register sheet: a Norwegian error, no throw", () => {
    const r = buildReport({ sheets: [gridFromValues("Ark1", [["x"]])] }, { year: 2025 });
    expect(r.problems[0].severity).toBe("error");
    expect(r.problems[0].message).toMatch(/Fant ikke arket/);
  });
});
