/**
 * The preview page: installs the fake Excel host (no office.js) with the example workbook,
 * then renders the real task pane beside a drawing of the workbook.
 *   ?pane=320  task pane width in px (default 350; 160 is 320 at 200 % zoom)
 *   ?theme=dark|black|hc  Office's dark grey or black theme, or high contrast (default: white)
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { GridWorkbook } from "../core/grid";
import { fromGridWorkbook, installFakeOffice } from "../excel/fake";
import { officeExcelPort } from "../excel/port";
import { App, paneTheme } from "../taskpane/App";
import { GridView } from "./GridView";
import { exposeForTests, previewHost } from "./fake-bridge";
import "./preview.css";

/** The Fluent theme the pane would get from Office's theme colours (as Excel's white, dark grey, black). */
function previewTheme() {
  const t = new URLSearchParams(location.search).get("theme");
  const colors: Record<string, string> = { dark: "#262626", black: "#000000" };
  return paneTheme({ bodyBackgroundColor: colors[t ?? ""] ?? "#ffffff" }, t === "hc");
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const res = await fetch("workbook.json");
  if (!res.ok) throw new Error(`Fant ikke eksempelarbeidsboken (workbook.json): ${res.status}`);
  const wb = (await res.json()) as GridWorkbook;
  const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, fromGridWorkbook(wb));
  const preview = previewHost(fake);
  exposeForTests(fake, preview);

  const pane = Number(new URLSearchParams(location.search).get("pane"));
  // 160 px is a 320 px pane at 200 % zoom.
  const style = { "--pane-width": `${pane >= 150 && pane <= 800 ? pane : 350}px` } as React.CSSProperties;
  createRoot(container).render(
    <div className="preview" style={style}>
      {/* The class goes on a wrapper: FluentProvider copies its className to portal mount nodes. */}
      <div className="preview-pane">
        <FluentProvider theme={previewTheme()}>
          {/* The real port: Excel.run on the fake host's globals. */}
          <App port={officeExcelPort()} />
        </FluentProvider>
      </div>
      <main className="preview-workbook" aria-label="Eksempelarbeidsboken">
        <header>
          Forhåndsvisning uten Excel: eksempelarbeidsboken med en simulert Excel. Endringer lagres ikke.
        </header>
        <GridView host={preview} />
      </main>
    </div>,
  );
}

main().catch((e) => {
  document.body.textContent = `Forhåndsvisningen kunne ikke starte: ${e instanceof Error ? e.message : String(e)}`;
});
