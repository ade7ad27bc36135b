/**
 * Task pane bootstrap: waits for Office.js, then renders the app inside Fluent UI's provider with
 * the Excel port (the one door to Excel, src/excel/port.ts). The page also hosts the shared
 * runtime (custom functions and ribbon command), so nothing here may assume the pane is visible.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { officeExcelPort } from "../excel/port";
import App from "./App";

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App port={officeExcelPort()} />
    </FluentProvider>,
  );
}

// Outside Office (a plain browser) there may be no Office.js at all: render straight away; the
// port then says in Norwegian that Excel is not there.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
