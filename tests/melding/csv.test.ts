import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvField, csvNumber, reportCsv, toCsv } from "../../src/core/melding/csv";
import { buildReport } from "../../src/core/melding/report";
import { registerGrid } from "./fixtures";

/** A small RFC 4180 reader (";" separated) to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === "") {
      quoted = true;
      i++;
      continue;
    }
    if (ch === ";") {
      row.push(field);
      field = "";
      i++;
      continue;
    }
    if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i += 2;
      continue;
    }
    field += ch;
    i++;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

describe("CSV formula injection (OWASP)", () => {
  it.each([
    ["=1+1", "'=1+1"],
    ["+47 12345678", "'+47 12345678"],
    ["-5", "'-5"],
    ["@SUM(A1:A2)", "'@SUM(A1:A2)"],
    ["\tfoo", "'\tfoo"],
  ])("text %j is written as %j", (value, want) => {
    expect(csvField(value)).toBe(want);
  });

  it("a leading CR is neutralised and quoted", () => {
    expect(csvField("\r=cmd")).toBe('"\'\r=cmd"');
  });

  it("a formula with ; or quotes is neutralised inside the quotes", () => {
    expect(csvField('=HYPERLINK("http://x";"klikk")')).toBe('"\'=HYPERLINK(""http://x"";""klikk"")"');
  });

  it("numbers stay numbers, negative ones too (pure numbers are not formulas)", () => {
    expect(csvField(8_400_000)).toBe("8400000");
    expect(csvField(-250_000)).toBe("-250000");
    expect(csvField(1500.5)).toBe("1500,5");
    expect(csvNumber(0.1 + 0.2)).toBe("0,3");
    expect(csvField(Number.NaN)).toBe("");
  });

  it("other text is kept as written", () => {
    expect(csvField("Pågående")).toBe("Pågående");
    expect(csvField("SiV og kommunene Færder, Tønsberg")).toBe("SiV og kommunene Færder, Tønsberg");
    expect(csvField("a-b = c")).toBe("a-b = c");
    expect(csvField(null)).toBe("");
  });
});

describe("CSV RFC 4180", () => {
  it('quotes fields with ; " CR or LF and doubles quotes; CRLF line ends; BOM', () => {
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField('si "hei"')).toBe('"si ""hei"""');
    expect(csvField("linje 1\nlinje 2")).toBe('"linje 1\nlinje 2"');
    expect(csvField("a\rb")).toBe('"a\rb"');
    const csv = toCsv(
      ["A", "B"],
      [
        ["x;y", 1],
        [null, "z"],
      ],
    );
    expect(csv).toBe('\uFEFFA;B\r\n"x;y";1\r\n;z\r\n');
  });

  it("any text survives the round trip (apostrophe added only before = + - @ TAB CR)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          const csv = toCsv(["A", "B"], rows);
          const back = parseCsv(csv.slice(1));
          expect(back.slice(1)).toEqual(
            rows.map((r) => r.map((v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v))),
          );
          for (const r of back.slice(1)) for (const v of r) expect(/^[=+\-@\t\r]/.test(v)).toBe(false);
        },
      ),
    );
  });
});

describe("reportCsv on the Vestfold register", () => {
  const csv = reportCsv(buildReport({ sheets: [registerGrid()] }, { year: 2025, name: "Vestfold" }));
  const rows = parseCsv(csv.slice(1));

  it("starts with a BOM and has Nr + the HSØ fields as columns", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(rows[0]).toEqual([
      "Nr",
      "Navn på tiltak",
      "Beskrivelse",
      "Sum",
      "Avtale mellom",
      "Status for prosjektet",
      "Planlagt varighet for tilskuddsmidler",
      "Foreløpige resultater",
      "Mulighet for spredning",
    ]);
  });

  it("writes sums as plain digits and the measures, trailer and total as rows", () => {
    expect(rows).toHaveLength(1 + 8 + 1 + 1);
    expect(rows[1][1]).toBe(
      "Vitality - utvikling og bredding av tjenestemodell for integrerte helsetjenester for eldre",
    );
    expect(rows[1][3]).toBe("8400000");
    expect(rows[7][5]).toBe("Planlegging - For full finansering må 250 000 av tildeling for 2026 benyttes");
    expect(rows[9].slice(1, 4)).toEqual(["«Overforbruk» forskuttert av 2026-tilskudd", "", "250000"]);
    expect(rows[10][3]).toBe("14240000");
    expect(csv.split("\r\n")).toHaveLength(12);
  });
});
