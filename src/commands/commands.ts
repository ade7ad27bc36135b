/**
 * Ribbon command glue. "Kontroller handlingsplan" runs through the shared runtime
 * (Action xsi:type="ExecuteFunction", FunctionName "validatePlan") without opening the pane.
 * It shares the Excel port (src/excel/port.ts) with the pane, not the pane's folder.
 */
import type { ExcelPort, Notice } from "../excel/port";

/** The port, loaded on first click (chunks validate-plan.js, excel-port.js): keeps commands.js tiny. */
async function loadPort(): Promise<ExcelPort> {
  const { officeExcelPort } = await import(/* webpackChunkName: "validate-plan" */ "../excel/port");
  return officeExcelPort();
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the user is told after the check: what was checked and found, never a bare all-clear. */
export function checkNotice(
  summary: { rows: number; errors: number; warnings: number },
  sheet: string,
): Notice {
  if (summary.rows === 0)
    return {
      intent: "warning",
      title: "Ingenting ble kontrollert",
      message: "Fant ingen handlingsplan med tiltaksrader i arbeidsboken. Åpne Kontroll-fanen for detaljer.",
    };
  const found = summary.errors + summary.warnings;
  return {
    intent: found > 0 ? "warning" : "success",
    title: "Kontroll av handlingsplanen",
    message:
      `${count(summary.rows, "rad", "rader")} i «${sheet}» kontrollert: ` +
      `${count(summary.errors, "feil", "feil")}, ${count(summary.warnings, "advarsel", "advarsler")}` +
      (found > 0 ? "; cellene er markert." : "."),
  };
}

/**
 * Validates the handlingsplan and marks problem cells; Excel waits for event.completed().
 * The outcome goes to the pane; a failure also opens it, so it never ends in the console only.
 */
export async function validatePlan(
  event: Office.AddinCommands.Event,
  port: Promise<ExcelPort> | ExcelPort = loadPort(),
): Promise<void> {
  let p: ExcelPort | undefined;
  try {
    p = await port;
    const available = p.availability();
    if (!available.ok) throw new Error(available.reason);
    const mapping = await p.settings.mapping();
    const { result } = await p.checkAndMark(Object.keys(mapping).length > 0 ? { mapping } : {});
    const noPlan = result.problems.some((x) => x.code === "header-missing");
    await p.notify(checkNotice(noPlan ? { ...result.summary, rows: 0 } : result.summary, result.sheet), {
      show: noPlan,
    });
  } catch (error) {
    console.error("Kontroll av handlingsplanen feilet:", error);
    const message = error instanceof Error ? error.message : String(error);
    const detail = (error as { detail?: unknown })?.detail;
    try {
      await p?.notify(
        {
          intent: "error",
          title: "Kontroll av handlingsplanen feilet",
          message,
          detail: typeof detail === "string" && detail !== message ? detail : undefined,
        },
        { show: true },
      );
    } catch (e) {
      console.error("Klarte ikke å vise feilen i panelet:", e);
    }
  } finally {
    event.completed();
  }
}

// Registered at load time (as the Office template does) so the handler exists before Excel calls it.
// Office.actions exists only when Office.js runs inside a host that supports the shared runtime.
if (typeof Office !== "undefined" && Office.actions && typeof Office.actions.associate === "function") {
  Office.actions.associate("validatePlan", (event: Office.AddinCommands.Event) => validatePlan(event));
}
