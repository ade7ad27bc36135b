/** Issue 11.9: with CI=true a missing chromium fails the browser tests instead of skipping them. */
import { describe, expect, it } from "vitest";
import { skipBrowserTests } from "../e2e/harness";

describe("skipBrowserTests", () => {
  it("skips only without chromium outside CI", () => {
    expect(skipBrowserTests(false, undefined)).toBe(true);
    expect(skipBrowserTests(false, "")).toBe(true);
    expect(skipBrowserTests(false, "false")).toBe(true);
    expect(skipBrowserTests(true, undefined)).toBe(false);
  });
  it("never skips in CI: a missing chromium makes the tests fail", () => {
    for (const ci of ["true", "1", "TRUE", "yes"]) expect(skipBrowserTests(false, ci)).toBe(false);
  });
});
