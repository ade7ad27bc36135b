/**
 * Ribbon command glue. "Kontroller handlingsplan" runs through the shared runtime
 * (Action xsi:type="ExecuteFunction", FunctionName "validatePlan") without opening the pane.
 */

/** Validates the handlingsplan and marks problem cells; Excel waits for event.completed(). */
export async function validatePlan(event: Office.AddinCommands.Event): Promise<void> {
  try {
    // Loaded on first click (chunk validate-plan.js): keeps commands.js tiny and the runtime page fast.
    // actions.ts touches neither React nor the DOM.
    const { runValidation } = await import(/* webpackChunkName: "validate-plan" */ "../taskpane/actions");
    await runValidation();
  } catch (error) {
    // The pane shows problems in detail; here the only place left to tell is the console.
    console.error("Kontroll av handlingsplanen feilet:", error);
  } finally {
    event.completed();
  }
}

// Registered at load time (as the Office template does) so the handler exists before Excel calls it.
// Office.actions exists only when Office.js runs inside a host that supports the shared runtime.
if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
  Office.actions.associate("validatePlan", validatePlan);
}
