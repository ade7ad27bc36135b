/**
 * The ribbon command "Kontroller handlingsplan": registered as validatePlan with Office.actions,
 * runs the check through the Excel port (the one the pane uses), tells the user the outcome, and
 * always completes the event — a failure opens the pane with the Norwegian message, never only
 * the console.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ExcelPort, Notice } from "../../src/excel/port";
import { PortError } from "../../src/excel/port";

const associate = vi.fn();

beforeEach(() => {
  vi.resetModules();
  associate.mockReset();
  (globalThis as Record<string, unknown>).Office = { actions: { associate } };
});

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  vi.restoreAllMocks();
});

function fakeEvent() {
  return {
    completed: vi.fn(),
    source: { id: "ValidatePlanButton" },
  } as unknown as Office.AddinCommands.Event & {
    completed: ReturnType<typeof vi.fn>;
  };
}

function portWith(check: ExcelPort["checkAndMark"], order: string[] = []) {
  const notices: { notice: Notice; show: boolean }[] = [];
  const port = {
    availability: () => ({ ok: true }) as const,
    checkAndMark: check,
    notify: async (notice: Notice, opts?: { show?: boolean }) => {
      order.push(`notify:${notice.intent}`);
      notices.push({ notice, show: opts?.show ?? false });
    },
    settings: { mapping: () => ({ frist: "E" }) },
  } as unknown as ExcelPort;
  return { port, notices };
}

const summary = (rows: number, errors: number, warnings: number) =>
  ({ rows, errors, warnings, infos: 0, rstTotal: 0, available: null }) as const;

describe("commands.ts", () => {
  it("registers validatePlan with Office.actions when loaded", async () => {
    await import("../../src/commands/commands");
    expect(associate).toHaveBeenCalledTimes(1);
    expect(associate.mock.calls[0][0]).toBe("validatePlan");
    expect(typeof associate.mock.calls[0][1]).toBe("function");
  });

  it("does not fail to load outside Office", async () => {
    delete (globalThis as Record<string, unknown>).Office;
    await expect(import("../../src/commands/commands")).resolves.toHaveProperty("validatePlan");
    expect(associate).not.toHaveBeenCalled();
  });

  it("checks with the saved mapping, tells the counts and then completes the event", async () => {
    const order: string[] = [];
    const check = vi.fn(async () => {
      order.push("check");
      return {
        result: { sheet: "Handlingsplan", problems: [], summary: summary(17, 2, 3) },
        workbook: { sheets: [] },
        marked: 5,
      } as never;
    });
    const { port, notices } = portWith(check, order);
    const { validatePlan } = await import("../../src/commands/commands");
    const event = fakeEvent();
    event.completed.mockImplementation(() => order.push("completed"));
    await validatePlan(event, port);
    expect(check).toHaveBeenCalledWith({ mapping: { frist: "E" } });
    expect(order).toEqual(["check", "notify:warning", "completed"]);
    expect(notices[0].notice.message).toBe(
      "17 rader i «Handlingsplan» kontrollert: 2 feil, 3 advarsler; cellene er markert.",
    );
    expect(notices[0].show).toBe(false);
  });

  it("says nothing was checked when there is no plan, and opens the pane", async () => {
    const { port, notices } = portWith(
      async () =>
        ({
          result: {
            sheet: "Ark1",
            problems: [{ code: "header-missing" }],
            summary: summary(0, 1, 0),
          },
          workbook: { sheets: [] },
          marked: 0,
        }) as never,
    );
    const { validatePlan } = await import("../../src/commands/commands");
    await validatePlan(fakeEvent(), port);
    expect(notices[0].notice.title).toBe("Ingenting ble kontrollert");
    expect(notices[0].notice.intent).toBe("warning");
    expect(notices[0].show).toBe(true);
  });

  it("shows a failure to the user in Norwegian with the English detail, and completes the event", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { port, notices } = portWith(async () => {
      throw new PortError("Kontrollen feilet: Excel nektet tilgang.", "AccessDenied", "Access denied.");
    });
    const { validatePlan } = await import("../../src/commands/commands");
    const event = fakeEvent();
    await expect(validatePlan(event, port)).resolves.toBeUndefined();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalled();
    expect(notices).toEqual([
      {
        notice: {
          intent: "error",
          title: "Kontroll av handlingsplanen feilet",
          message: "Kontrollen feilet: Excel nektet tilgang.",
          detail: "Access denied.",
        },
        show: true,
      },
    ]);
  });

  it("outside Excel the port says so, and the event still completes", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const { officeExcelPort, NOT_IN_EXCEL } = await import("../../src/excel/port");
    const port = officeExcelPort();
    const shown: Notice[] = [];
    const stop = port.onNotice((n) => shown.push(n));
    const { validatePlan } = await import("../../src/commands/commands");
    const event = fakeEvent();
    await validatePlan(event, port);
    stop();
    expect(event.completed).toHaveBeenCalledTimes(1);
    // Node has no window events: the notice goes nowhere, but no «Excel is not defined» either.
    expect(port.availability()).toEqual({ ok: false, reason: NOT_IN_EXCEL });
  });
});
