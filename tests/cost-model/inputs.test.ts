import { describe, expect, it } from "vitest";
import {
  FOLLOW_UP_RULES,
  MUNICIPALITIES,
  followUp,
  readField,
  readFollowUp,
  readSharing,
  shareCost,
  type FollowUpField,
} from "../../src/core/cost-model";
import { plain } from "../plain";

const seed: Record<FollowUpField, string> = {
  budget: "700 000",
  accounted: "808 985",
  spentToDate: "323 598",
  unitsDone: "4",
  unitsTotal: "10",
};
const form = (over: Partial<Record<FollowUpField, string>>) => plain(readFollowUp({ ...seed, ...over }));

describe("readField", () => {
  const amount = FOLLOW_UP_RULES.budget;
  const count = FOLLOW_UP_RULES.unitsTotal;
  it("reads numbers as Norwegians write them", () => {
    expect(readField("700 000", amount)).toEqual({ ok: true, value: 700_000 });
    expect(readField("kr 700\u00a0000", amount)).toEqual({ ok: true, value: 700_000 });
    expect(readField("1,5 mill", amount)).toEqual({ ok: true, value: 1_500_000 });
    expect(readField("12,50", amount)).toEqual({ ok: true, value: 12.5 });
    expect(readField(" 10 ", count)).toEqual({ ok: true, value: 10 });
    expect(readField("", FOLLOW_UP_RULES.spentToDate)).toEqual({ ok: true, value: null });
  });
  it("one message for each kind of impossible", () => {
    const msg = (t: string, r = amount) => {
      const res = plain(readField(t, r));
      return res.ok ? null : res.message;
    };
    expect(msg("")).toBe("Fyll inn bevilget beløp.");
    expect(msg("abc")).toBe("«abc» er ikke et tall. Skriv bevilget beløp som et tall, for eksempel 700 000.");
    expect(msg("12.5")).toMatch(/^«12\.5» er ikke et tall/);
    expect(msg("-5 000")).toBe("Bevilget beløp kan ikke være mindre enn 0.");
    expect(msg("\u2212700 000")).toBe("Bevilget beløp kan ikke være mindre enn 0.");
    expect(msg("20 000 000 000")).toBe(
      "20 000 000 000 kr er urimelig mye for bevilget beløp (høyst 10 000 000 000 kr). Sjekk tallet.",
    );
    expect(msg("10 000 000 000")).toBeNull();
    expect(msg("0", count)).toBe("Planlagte møter må være minst 1, ikke 0.");
    expect(msg("-2", count)).toBe("Planlagte møter må være minst 1, ikke -2.");
    expect(msg("1,5", count)).toBe("Planlagte møter må være et helt tall, ikke «1,5».");
    expect(msg("10 001", count)).toBe(
      "10 001 er urimelig mye for planlagte møter (høyst 10 000). Sjekk tallet.",
    );
    expect(msg("1", count)).toBeNull();
  });
});

describe("readFollowUp", () => {
  it("the seed's figures pass and give core's follow-up", () => {
    const r = readFollowUp(seed);
    expect(r).toMatchObject({ ok: true, errors: {} });
    if (!r.ok) throw new Error("refused");
    expect(r.values).toEqual({
      budget: 700_000,
      accounted: 808_985,
      spentToDate: 323_598,
      unitsDone: 4,
      unitsTotal: 10,
    });
    expect(followUp(r.values).forecast).toBe(808_995);
  });

  it("0 planned meetings is refused instead of «Prognose mot budsjett −700 000 kr»", () => {
    expect(form({ unitsTotal: "0" })).toEqual({
      ok: false,
      values: null,
      errors: { unitsTotal: "Planlagte møter må være minst 1, ikke 0." },
    });
  });

  it("12 done of 10 planned: one message, on the done field", () => {
    expect(form({ unitsDone: "12" }).errors).toEqual({
      unitsDone: "Gjennomførte møter (12) kan ikke være flere enn planlagte (10).",
    });
    expect(form({ unitsDone: "10" }).ok).toBe(true);
  });

  it("a negative budget, a fractional meeting count and «abc» each get one message", () => {
    expect(form({ budget: "-700 000" }).errors).toEqual({
      budget: "Bevilget beløp kan ikke være mindre enn 0.",
    });
    expect(form({ unitsDone: "1,5" }).errors).toEqual({
      unitsDone: "Gjennomførte møter må være et helt tall, ikke «1,5».",
    });
    // «abc» where a count is asked: the field's own message only, no second one from the cross-check
    expect(form({ unitsDone: "abc", unitsTotal: "abc" }).errors).toEqual({
      unitsDone: "«abc» er ikke et tall. Skriv gjennomførte møter som et tall, for eksempel 4.",
      unitsTotal: "«abc» er ikke et tall. Skriv planlagte møter som et tall, for eksempel 10.",
    });
  });

  it("empty optional fields are fine; empty required ones are named", () => {
    const r = form({ spentToDate: "", unitsDone: "", unitsTotal: "" });
    expect(r.ok).toBe(true);
    expect(form({ budget: "", accounted: "" }).errors).toEqual({
      budget: "Fyll inn bevilget beløp.",
      accounted: "Fyll inn regnskapet.",
    });
  });
});

describe("readSharing", () => {
  it("reads the six municipalities; empty fields are null, refused ones named with the municipality", () => {
    const population = ["48 000", "", "abc", "-1", "1,5", "3 000 000"];
    const use = ["40", "25", "60", "90", "80", "85"];
    const r = plain(readSharing({ population, use }));
    expect(r.population).toEqual([48_000, null, null, null, null, null]);
    expect(r.use).toEqual([40, 25, 60, 90, 80, 85]);
    expect(r.errors).toEqual({
      "population.2": "Horten: «abc» er ikke et tall. Skriv innbyggertall som et tall, for eksempel 48 000.",
      "population.3": "Larvik: Innbyggertall kan ikke være mindre enn 0.",
      "population.4": "Sandefjord: Innbyggertall må være et helt tall, ikke «1,5».",
      "population.5":
        "Tønsberg: 3 000 000 er urimelig mye for innbyggertall (høyst 2 000 000). Sjekk tallet.",
    });
    expect(MUNICIPALITIES[2]).toBe("Horten");
  });

  it("valid figures go straight into shareCost", () => {
    const r = readSharing({
      population: ["12 000", "29 000", "28 000", "48 000", "65 000", "58 000"],
      use: [],
    });
    expect(r.errors).toEqual({});
    const s = shareCost(1_194_000, "halv-innbyggere", { population: r.population });
    expect(s.ok && s.shares.reduce((a, x) => a + x.amount, 0)).toBe(1_194_000);
  });
});
