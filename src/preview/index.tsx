/**
 * The preview page: installs the fake Excel host (no office.js) with the example workbook,
 * then renders the real task pane beside a drawing of the workbook. The user can open any
 * .xlsx of their own (file picker or drag and drop onto the workbook frame): it is read in the
 * browser with the CLI's reader and replaces the example; nothing is uploaded anywhere.
 *
 * The fake host applies Excel on the web's limits (5 MB per request and response) unless
 * ?limits=off; the frame shows the context.sync() calls, payload and time of the last action.
 *   ?pane=320   task pane width in px (default 350; 160 is 320 at 200 % zoom)
 *   ?theme=dark|black|hc  Office's dark grey or black theme, or high contrast (default: white)
 *   ?limits=off the fake host without Excel on the web's limits
 */
import * as React from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider } from "@fluentui/react-components";
import type { GridWorkbook } from "../core/grid";
import { type FakeExcel, fromGridWorkbook, installFakeOffice } from "../excel/fake";
import { officeExcelPort, type ExcelPort } from "../excel/port";
import { App, paneTheme } from "../taskpane/App";
import { GridView } from "./GridView";
import { exposeForTests, previewHost } from "./fake-bridge";
import { formatBytes, lastAction } from "./stats";
import "./preview.css";

interface Loaded {
  fake: FakeExcel;
  host: ReturnType<typeof previewHost>;
  /** "eksempelarbeidsboken" or the user's file name. */
  label: string;
  /** Increases with every workbook opened: remounts the task pane with fresh state. */
  generation: number;
  /** The pane's door to Excel: the real Office.js port over the fake host's globals. */
  port: ExcelPort;
}

const params = new URLSearchParams(location.search);
const webLimits = params.get("limits") !== "off";

/** The Fluent theme the pane would get from Office's theme colours (as Excel's white, dark grey, black). */
function previewTheme() {
  const t = params.get("theme");
  const colors: Record<string, string> = { dark: "#262626", black: "#000000" };
  return paneTheme({ bodyBackgroundColor: colors[t ?? ""] ?? "#ffffff" }, t === "hc");
}

function install(wb: GridWorkbook, label: string, generation: number): Loaded {
  const fake = installFakeOffice(globalThis as unknown as Record<string, unknown>, fromGridWorkbook(wb), {
    webLimits,
  });
  const host = previewHost(fake);
  exposeForTests(fake, host);
  return { fake, host, label, generation, port: officeExcelPort() };
}

/** «Excel-kall i siste handling: N» and the payload, updated when a run finishes. */
function RunStatsLine({ fake }: { fake: FakeExcel }) {
  const [, setTick] = React.useState(0);
  React.useEffect(() => {
    let seen = fake.runStats.length;
    const id = setInterval(() => {
      if (fake.runStats.length !== seen) {
        seen = fake.runStats.length;
        setTick((t) => t + 1);
      }
    }, 150);
    return () => clearInterval(id);
  }, [fake]);
  const last = lastAction(fake.runStats);
  return (
    <p className="run-stats" role="status" data-testid="run-stats">
      Excel-kall i siste handling: <strong data-testid="run-syncs">{last ? last.syncs : 0}</strong>
      {last && (
        <>
          {" "}
          · sendt {formatBytes(last.requestChars)}, mottatt {formatBytes(last.responseChars)} ·{" "}
          {(last.ms / 1000).toLocaleString("nb-NO", { maximumFractionDigits: 1, minimumFractionDigits: 1 })} s
        </>
      )}
      {" · "}
      {webLimits ? "med Excel på nettets grense på 5 MB per forespørsel" : "uten Excel på nettets grenser"}
    </p>
  );
}

function Preview({ initial }: { initial: Loaded }) {
  const [loaded, setLoaded] = React.useState(initial);
  const [busy, setBusy] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const inputRef = React.useRef<HTMLInputElement>(null);

  const open = async (file: File) => {
    setError(null);
    if (!/\.xlsx$/i.test(file.name)) {
      setError(
        `«${file.name}» er ikke en .xlsx-fil. Velg en arbeidsbok lagret som Excel-arbeidsbok (.xlsx).`,
      );
      return;
    }
    setBusy(`Leser «${file.name}» …`);
    try {
      const { readXlsxBytes } = await import(/* webpackChunkName: "xlsx" */ "./xlsx-browser");
      const wb = await readXlsxBytes(await file.arrayBuffer(), file.name);
      if (wb.sheets.length === 0) throw new Error(`«${file.name}» har ingen regneark.`);
      setLoaded((prev) => install(wb, `«${file.name}»`, prev.generation + 1));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(null);
    }
  };

  const style = {
    "--pane-width": `${Number(params.get("pane")) >= 150 && Number(params.get("pane")) <= 800 ? Number(params.get("pane")) : 350}px`,
  } as React.CSSProperties;
  return (
    <div className="preview" style={style}>
      {/* The class goes on a wrapper: FluentProvider copies its className to portal mount nodes. */}
      <div className="preview-pane">
        <FluentProvider theme={previewTheme()}>
          <App key={loaded.generation} port={loaded.port} />
        </FluentProvider>
      </div>
      <main
        className={dragging ? "preview-workbook dragging" : "preview-workbook"}
        aria-label={`Arbeidsboken: ${loaded.label}`}
        onDragOver={(e) => {
          if (!e.dataTransfer.types.includes("Files")) return;
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const file = e.dataTransfer.files[0];
          if (file) void open(file);
        }}
      >
        <header>
          <p>
            Forhåndsvisning uten Excel: {loaded.label} med en simulert Excel. Endringer lagres ikke.{" "}
            <button type="button" onClick={() => inputRef.current?.click()} disabled={busy !== null}>
              Åpne din egen arbeidsbok …
            </button>
            <input
              ref={inputRef}
              type="file"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-label="Velg en .xlsx-fil"
              data-testid="open-workbook"
              hidden
              onChange={(e) => {
                const file = e.target.files?.[0];
                e.target.value = "";
                if (file) void open(file);
              }}
            />{" "}
            eller slipp en .xlsx-fil her. Filen leses bare i nettleseren din; ingenting lastes opp.
          </p>
          {busy && <p role="status">{busy}</p>}
          {error && (
            <p role="alert" className="preview-error">
              {error}
            </p>
          )}
          <RunStatsLine key={loaded.generation} fake={loaded.fake} />
        </header>
        <GridView key={loaded.generation} host={loaded.host} />
      </main>
    </div>
  );
}

async function main(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const res = await fetch("workbook.json");
  if (!res.ok) throw new Error(`Fant ikke eksempelarbeidsboken (workbook.json): ${res.status}`);
  const wb = (await res.json()) as GridWorkbook;
  createRoot(container).render(<Preview initial={install(wb, "eksempelarbeidsboken", 0)} />);
}

main().catch((e) => {
  document.body.textContent = `Forhåndsvisningen kunne ikke starte: ${e instanceof Error ? e.message : String(e)}`;
});
