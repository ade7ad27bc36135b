import { describe, it, expect } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FUNCTION_NAMES } from "./names";

const SOURCE = "src/functions/functions.ts";
const NAMES = FUNCTION_NAMES;
const VOLATILE = ["MEASURE.DAYSLEFT", "MEASURE.STATUS"];

interface Param {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
  type?: string;
}
interface Meta {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  options?: { volatile?: boolean };
  parameters: Param[];
  result: { type?: string; dimensionality?: string };
}

/** English tell-tales: a Norwegian description should contain none of these words. */
const ENGLISH = /\b(the|and|of|returns?|number|amount|date|each|with|for each|from)\b/i;
/** Norwegian tell-tales: at least one of these, or a Norwegian letter. */
const NORWEGIAN = /[æøå]|\b(og|i|til|for|som|med|per|av|eller|er|en|et|det|ut|fra)\b/i;

describe("custom-functions-metadata on functions.ts", async () => {
  const result = await generateCustomFunctionsMetadata(SOURCE);
  const functions: Meta[] = result.metadataJson ? JSON.parse(result.metadataJson).functions : [];
  const byId = new Map(functions.map((f) => [f.id, f]));

  it("generates without errors and lists exactly the 14 functions, each with its prefix", () => {
    expect(result.errors).toEqual([]);
    expect(functions.map((f) => f.id).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect(byId.get(name)?.name).toBe(name);
    expect(result.associate.map((a) => a.id).sort()).toEqual([...NAMES].sort());
  });

  it("has Norwegian descriptions for every function and parameter", () => {
    for (const f of functions) {
      const texts = [f.description ?? "", ...f.parameters.map((p) => p.description ?? "")];
      for (const t of texts) {
        expect(t.trim().length, `${f.id}: empty description`).toBeGreaterThan(5);
        expect(t, `${f.id}: «${t}» looks English`).not.toMatch(ENGLISH);
        expect(t, `${f.id}: «${t}» does not look Norwegian`).toMatch(NORWEGIAN);
      }
    }
  });

  it("is volatile only where today is implied", () => {
    for (const f of functions) expect(f.options?.volatile === true, f.id).toBe(VOLATILE.includes(f.id));
  });

  it("points each help URL at a help page that exists", () => {
    for (const f of functions) {
      const page = f.id.toLowerCase().replace(".", "-") + ".html";
      expect(f.helpUrl).toBe(`https://localhost:3000/help/${page}`);
      const file = `src/functions/help/${page}`;
      expect(existsSync(file), file).toBe(true);
      const html = readFileSync(file, "utf8");
      expect(html).toContain(`lang="nb"`);
      expect(html).toContain(f.id);
    }
  });

  it("declares the parameters and results as specified", () => {
    const sig = (id: string) =>
      byId
        .get(id)!
        .parameters.map((p) => (p.optional ? `[${p.name}]` : p.name))
        .join(",");
    expect(sig("RST.BALANCE")).toBe("granted,allocations,[carriedIn]");
    expect(sig("RST.CARRYOVER")).toBe("granted,allocated,[openingCarry]");
    expect(sig("RST.PERIODIZE")).toBe("amount,start,end,year");
    expect(sig("MEASURE.DUE")).toBe("deadline,[planYear]");
    expect(sig("MEASURE.START")).toBe("deadline,[planYear]");
    expect(sig("MEASURE.DAYSLEFT")).toBe("deadline,[today]");
    expect(sig("MEASURE.STATUS")).toBe("deadline,[done],[today]");
    expect(sig("MEASURE.EXPLAIN")).toBe("deadline,[planYear]");
    expect(byId.get("MEASURE.EXPLAIN")!.result).toEqual({ dimensionality: "matrix", type: "string" });
    expect(sig("NOK.PARSE")).toBe("text,[year],[source]");
    expect(sig("NOK.EXPLAIN")).toBe("text,[year]");
    expect(byId.get("NOK.EXPLAIN")!.result).toEqual({ dimensionality: "matrix" }); // any: numbers and text
    expect(sig("COST.ANNUAL")).toBe("fixed,prices,years,running");
    expect(sig("COST.PERUNIT")).toBe("annualCost,units");
    expect(sig("COST.BREAKEVEN")).toBe("annualCost,alternativeUnitCost");
    expect(sig("COST.SHARE")).toBe("total,weights");
    expect(sig("COST.FORECAST")).toBe("spentToDate,unitsDone,unitsTotal");
    expect(byId.get("RST.CARRYOVER")!.result).toEqual({ dimensionality: "matrix", type: "number" });
    expect(byId.get("COST.SHARE")!.result).toEqual({ dimensionality: "matrix", type: "number" });
    expect(byId.get("MEASURE.STATUS")!.result).toEqual({ type: "string" });
    expect(byId.get("RST.BALANCE")!.parameters[1].dimensionality).toBe("matrix");
  });
});
