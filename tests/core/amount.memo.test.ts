import { describe, expect, it } from "vitest";
import { LruMemo } from "../../src/core/memo";
import { parseAmounts } from "../../src/core/amount";
import { parseDeadline } from "../../src/core/deadline";

describe("LruMemo (the parsers' bounded cache)", () => {
  it("evicts the least recently used entry when full", () => {
    const m = new LruMemo<number>(3);
    m.set("a", 1);
    m.set("b", 2);
    m.set("c", 3);
    expect(m.get("a")).toBe(1); // a is now the most recent
    m.set("d", 4); // evicts b
    expect(m.size).toBe(3);
    expect(m.get("b")).toBeUndefined();
    expect([m.get("a"), m.get("c"), m.get("d")]).toEqual([1, 3, 4]);
  });

  it("overwrites without growing and can be disabled", () => {
    const m = new LruMemo<number>(2);
    m.set("a", 1);
    m.set("a", 2);
    expect(m.size).toBe(1);
    expect(m.get("a")).toBe(2);
    const off = new LruMemo<number>(0);
    off.set("a", 1);
    expect(off.get("a")).toBeUndefined();
  });

  it("parsers stay correct after far more distinct inputs than the cache holds", () => {
    for (let i = 0; i < 12_000; i++) {
      parseAmounts(`${i} 000 kr`);
      parseDeadline(`${(i % 28) + 1}.${(i % 12) + 1}.${1900 + (i % 200)}`, 2026);
    }
    const first = parseAmounts("1 000 kr"); // evicted long ago, parsed again
    expect(first.kind === "amounts" && first.amounts[0].value).toBe(1000);
    expect(parseDeadline("1.1.1900", 2026)).toMatchObject({ ok: true, deadline: { due: "1900-01-01" } });
  });
});
