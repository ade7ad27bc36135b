/**
 * Task pane bootstrap: waits for Office.js, then renders the app inside Fluent UI's provider with
 * the Excel port (the one door to Excel, src/excel/port.ts). The page also hosts the shared
 * runtime (custom functions and ribbon command), so nothing here may assume the pane is visible.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import { officeExcelPort } from "../excel/port";
import App from "./App";
import { paneTheme, type OfficeThemeColors } from "./theme";

/** Office's theme colours (light, dark grey, black …), when the host gives them. */
function officeTheme(): OfficeThemeColors | undefined {
  try {
    return typeof Office !== "undefined"
      ? (Office.context?.officeTheme as OfficeThemeColors | undefined)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Windows' high contrast reaches the webview as forced colours; follow it when it changes. */
function useForcedColors(): boolean {
  const query = typeof matchMedia === "function" ? matchMedia("(forced-colors: active)") : null;
  const [on, setOn] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return;
    const update = () => setOn(query.matches);
    query.addEventListener("change", update);
    return () => query.removeEventListener("change", update);
  }, [query]);
  return on;
}

function ThemedPane() {
  const forced = useForcedColors();
  const port = React.useMemo(() => officeExcelPort(), []);
  return (
    <FluentProvider theme={paneTheme(officeTheme(), forced)} style={{ minHeight: "100vh" }}>
      <App port={port} />
    </FluentProvider>
  );
}

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(<ThemedPane />);
}

// Outside Office (a plain browser) there may be no Office.js at all: render straight away; the
// port then says in Norwegian that Excel is not there.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
