/**
 * The Norwegian function metadata (functions-nb-NO.json for Norwegian Excel) against the default
 * one generated from the JSDoc: same ids, parameters and everything else; Norwegian names; and a
 * table that cannot drift from functions.ts (a function or parameter added, renamed or removed
 * there without its Norwegian name is an error, which fails the build).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { DOMParser } from "@xmldom/xmldom";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { describe, expect, it } from "vitest";
import { FUNCTION_NAMES } from "./names";

const ROOT = join(__dirname, "..", "..");
const require = createRequire(import.meta.url);
const { localizeMetadata, readTable } = require("../../scripts/functions-locale.cjs") as {
  localizeMetadata: (m: Metadata, t: Table) => { metadata: Metadata | null; errors: string[] };
  readTable: () => Table;
};

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface Fn {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  options?: Record<string, unknown>;
  parameters: Param[];
  result: Record<string, unknown>;
}
interface Metadata {
  functions: Fn[];
}
interface Table {
  functions: Record<
    string,
    { name: string; parameters: Record<string, string>; parameterDescriptions?: Record<string, string> }
  >;
}

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe("functions-nb-NO.json", async () => {
  const generated = await generateCustomFunctionsMetadata(join(ROOT, "src/functions/functions.ts"));
  const metadata = JSON.parse(generated.metadataJson) as Metadata;
  const table = readTable();
  const { metadata: nb, errors } = localizeMetadata(metadata, table);

  it("is made without errors for every function", () => {
    expect(errors).toEqual([]);
    expect(nb!.functions.map((f) => f.id)).toEqual(metadata.functions.map((f) => f.id));
    expect([...nb!.functions.map((f) => f.id)].sort()).toEqual([...FUNCTION_NAMES].sort());
  });

  it("differs from the default only in names and descriptions", () => {
    nb!.functions.forEach((f, i) => {
      const en = metadata.functions[i];
      const strip = (x: Fn) => ({
        ...x,
        name: "",
        description: "",
        parameters: x.parameters.map((p) => ({ ...p, name: "", description: "" })),
      });
      expect(strip(f), f.id).toEqual(strip(en));
      expect(f.parameters.map((p) => p.optional ?? false)).toEqual(
        en.parameters.map((p) => p.optional ?? false),
      );
    });
  });

  it("has the Norwegian names the README lists", () => {
    const names = Object.fromEntries(nb!.functions.map((f) => [f.id, f.name]));
    expect(names).toEqual({
      "RST.BALANCE": "RST.SALDO",
      "RST.CARRYOVER": "RST.OVERFØRING",
      "RST.PERIODIZE": "RST.PERIODISER",
      "MEASURE.DUE": "TILTAK.FORFALL",
      "MEASURE.START": "TILTAK.START",
      "MEASURE.DAYSLEFT": "TILTAK.DAGER.IGJEN",
      "MEASURE.STATUS": "TILTAK.STATUS",
      "MEASURE.EXPLAIN": "TILTAK.FORKLAR",
      "NOK.PARSE": "NOK.BELØP",
      "NOK.EXPLAIN": "NOK.FORKLAR",
      "COST.ANNUAL": "KOSTNAD.ÅRLIG",
      "COST.PERUNIT": "KOSTNAD.PER.ENHET",
      "COST.BREAKEVEN": "KOSTNAD.BALANSEPUNKT",
      "COST.SHARE": "KOSTNAD.FORDEL",
      "COST.FORECAST": "KOSTNAD.PROGNOSE",
    });
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    for (const f of nb!.functions) {
      const en = metadata.functions.find((x) => x.id === f.id)!;
      const sig = (fn: Fn) =>
        `${fn.name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
      expect(readme, f.id).toContain(`| \`${sig(en)}\` | \`${sig(f)}\` |`);
    }
  });

  it("no Norwegian description names an English parameter", () => {
    for (const f of nb!.functions) {
      const en = metadata.functions.find((x) => x.id === f.id)!;
      const english = en.parameters.map((p) => p.name).filter((n) => !f.parameters.some((q) => q.name === n));
      for (const text of [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")])
        for (const word of english) expect(text, `${f.id}: ${word}`).not.toMatch(new RegExp(`\\b${word}\\b`));
    }
  });

  it("refuses a table that has drifted from functions.ts", () => {
    const drift = (edit: (t: Table) => void) => {
      const t = clone(table);
      edit(t);
      return localizeMetadata(metadata, t).errors;
    };
    expect(drift((t) => delete t.functions["COST.SHARE"])).toEqual([
      "COST.SHARE: mangler norsk navn i src/functions/functions.nb-NO.json",
    ]);
    expect(drift((t) => delete t.functions["RST.BALANCE"].parameters.carriedIn)).toEqual([
      "RST.BALANCE: mangler norsk navn for parameteren «carriedIn»",
    ]);
    expect(drift((t) => (t.functions["RST.BALANCE"].parameters.opening = "x"))).toEqual([
      "RST.BALANCE: parameteren «opening» finnes ikke i functions.ts",
    ]);
    expect(drift((t) => (t.functions["NOK.GONE"] = { name: "NOK.BORTE", parameters: {} }))).toEqual([
      "NOK.GONE: står i functions.nb-NO.json, men finnes ikke i functions.ts",
    ]);
    expect(drift((t) => (t.functions["COST.SHARE"].name = "KOSTNAD.PROGNOSE"))).toEqual([
      "COST.FORECAST: det norske navnet «KOSTNAD.PROGNOSE» brukes også av COST.SHARE",
    ]);
    expect(drift((t) => (t.functions["COST.SHARE"].name = "1X"))).toEqual([
      "COST.SHARE: ugyldig norsk funksjonsnavn «1X»",
    ]);
    expect(drift((t) => (t.functions["COST.SHARE"].parameters.weights = "totalt"))).toEqual([
      "COST.SHARE: parameternavnet «totalt» står to ganger",
    ]);
    // and a function added to functions.ts without a Norwegian name
    const more = clone(metadata);
    more.functions.push({ ...clone(metadata.functions[0]), id: "NOK.SPLIT", name: "NOK.SPLIT" });
    expect(localizeMetadata(more, table).errors).toEqual([
      "NOK.SPLIT: mangler norsk navn i src/functions/functions.nb-NO.json",
    ]);
  });
});

describe("manifest.xml", () => {
  it("points Norwegian Excel at functions-nb-NO.json (override of Functions.Metadata.Url)", () => {
    const doc = new DOMParser().parseFromString(readFileSync(join(ROOT, "manifest.xml"), "utf8"), "text/xml");
    const bt = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
    const url = Array.from(doc.getElementsByTagNameNS(bt, "Url")).find(
      (u) => u.getAttribute("id") === "Functions.Metadata.Url",
    )!;
    expect(url.getAttribute("DefaultValue")).toBe("https://localhost:3000/functions.json");
    const overrides = Array.from(url.getElementsByTagNameNS(bt, "Override"));
    expect(overrides.map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")])).toEqual([
      ["nb-NO", "https://localhost:3000/functions-nb-NO.json"],
    ]);
  });
});
