/**
 * The ribbon command "Kontroller handlingsplan": registered as validatePlan with Office.actions,
 * runs the validation through actions.ts and always completes the event, even when validation fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const runValidation = vi.fn();
vi.mock("../../src/taskpane/actions", () => ({ runValidation }));

const associate = vi.fn();

beforeEach(() => {
  vi.resetModules();
  associate.mockReset();
  runValidation.mockReset();
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

describe("commands.ts", () => {
  it("registers validatePlan with Office.actions when loaded", async () => {
    const mod = await import("../../src/commands/commands");
    expect(associate).toHaveBeenCalledTimes(1);
    expect(associate).toHaveBeenCalledWith("validatePlan", mod.validatePlan);
  });

  it("does not fail to load outside Office", async () => {
    delete (globalThis as Record<string, unknown>).Office;
    await expect(import("../../src/commands/commands")).resolves.toHaveProperty("validatePlan");
    expect(associate).not.toHaveBeenCalled();
  });

  it("validates and then completes the event", async () => {
    const order: string[] = [];
    runValidation.mockImplementation(async () => {
      order.push("validate");
      return { summary: { errors: 2 } };
    });
    const { validatePlan } = await import("../../src/commands/commands");
    const event = fakeEvent();
    event.completed.mockImplementation(() => order.push("completed"));
    await validatePlan(event);
    expect(order).toEqual(["validate", "completed"]);
  });

  it("completes the event when validation throws", async () => {
    runValidation.mockRejectedValue(new Error("Fant ikke arket Handlingsplan"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const { validatePlan } = await import("../../src/commands/commands");
    const event = fakeEvent();
    await expect(validatePlan(event)).resolves.toBeUndefined();
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(logged).toHaveBeenCalled();
  });
});
