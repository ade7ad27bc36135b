/**
 * Task pane bootstrap: waits for Office.js, then renders the app inside Fluent UI's provider with
 * the Excel port (the one door to Excel, src/excel/port.ts). The page also hosts the shared
 * runtime (custom functions and ribbon command), so nothing here may assume the pane is visible.
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme, type Theme } from "@fluentui/react-components";
import { officeExcelPort } from "../excel/port";
import App from "./App";
import { themeKind, type OfficeThemeColors } from "./theme";

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

/**
 * The light theme is in this bundle; dark and high contrast come in their own chunk (themes.ts)
 * when asked for. Until it is there the pane draws nothing rather than flash a light pane at
 * someone who asked for dark or high contrast (a chunk from the add-in's own server: milliseconds).
 */
function usePaneTheme(kind: ReturnType<typeof themeKind>): Theme | null {
  const [loaded, setLoaded] = React.useState<Partial<Record<typeof kind, Theme>>>({ light: webLightTheme });
  React.useEffect(() => {
    if (loaded[kind]) return;
    let live = true;
    void import(/* webpackChunkName: "themes" */ "./themes")
      .then((m) => live && setLoaded((t) => ({ ...t, [kind]: m.FLUENT_THEMES[kind] })))
      // A chunk that cannot load: the light theme, rather than no pane at all.
      .catch(() => live && setLoaded((t) => ({ ...t, [kind]: webLightTheme })));
    return () => {
      live = false;
    };
  }, [kind, loaded]);
  return loaded[kind] ?? null;
}

function ThemedPane() {
  const forced = useForcedColors();
  const port = React.useMemo(() => officeExcelPort(), []);
  const theme = usePaneTheme(themeKind(officeTheme(), forced));
  if (!theme) return null;
  return (
    <FluentProvider theme={theme} style={{ minHeight: "100vh" }}>
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
