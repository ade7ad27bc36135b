/**
 * Task pane bootstrap: waits for Office.js, then renders the app inside Fluent UI's provider.
 * The page also hosts the shared runtime (custom functions and ribbon command), so nothing here
 * may assume the pane is visible.
 */
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import App from "./App";

function render(): void {
  const container = document.getElementById("root");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
      <App />
    </FluentProvider>,
  );
}

// Outside Office (preview, tests) there may be no Office.js at all: render straight away.
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  void Office.onReady(() => render());
} else {
  render();
}
