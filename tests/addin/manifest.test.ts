/**
 * manifest.xml: well-formed XML with what Excel needs for custom functions in a shared runtime,
 * the RST ribbon group, Norwegian names, and resources that all resolve (icons exist at their size).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DOMParser, onErrorStopParsing, type Document, type Element } from "@xmldom/xmldom";
import { describe, expect, it } from "vitest";
import { ROOT } from "../setup/build";

const NS = {
  app: "http://schemas.microsoft.com/office/appforoffice/1.1",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
};

/** Parses XML, throwing on anything that is not well-formed. */
export function parseXml(text: string): Document {
  return new DOMParser({ onError: onErrorStopParsing }).parseFromString(text, "text/xml");
}

const source = readFileSync(join(ROOT, "manifest.xml"), "utf8");
const doc = parseXml(source);
const root = doc.documentElement!;

function all(scope: Document | Element, ns: string, name: string): Element[] {
  return Array.from(scope.getElementsByTagNameNS(ns, name));
}
function one(scope: Document | Element, ns: string, name: string): Element {
  const found = all(scope, ns, name);
  expect(found, `<${name}>`).toHaveLength(1);
  return found[0];
}
function children(el: Element): Element[] {
  return Array.from(el.childNodes).filter((n): n is Element => n.nodeType === 1);
}
const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, "type");

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = "89504e470d0a1a0a";
  if (bytes.subarray(0, 8).toString("hex") !== signature || bytes.toString("ascii", 12, 16) !== "IHDR") {
    throw new Error("not a PNG");
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetFor(url: string): string {
  const m = /^https:\/\/localhost:3000\/(assets\/[^"?#]+\.png)$/.exec(url);
  expect(m, url).not.toBeNull();
  return join(ROOT, m![1]);
}

describe("xml checks", () => {
  it("rejects XML that is not well-formed", () => {
    expect(() => parseXml("<a><b></a>")).toThrow();
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow();
    expect(() => parseXml(source.replace("</OfficeApp>", ""))).toThrow();
  });

  it("reads the pixel size of a PNG and refuses other files", () => {
    expect(pngSize(readFileSync(join(ROOT, "assets/icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(() => pngSize(Buffer.from("<svg/>"))).toThrow();
  });
});

describe("manifest.xml", () => {
  it("is a task pane add-in for Excel with a fixed GUID and document write access", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.namespaceURI).toBe(NS.app);
    expect(xsiType(root)).toBe("TaskPaneApp");
    expect(one(doc, NS.app, "Id").textContent).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
    expect(one(doc, NS.app, "DefaultLocale").textContent).toBe("en-US");
    expect(one(doc, NS.app, "Permissions").textContent).toBe("ReadWriteDocument");
    const hosts = children(children(root).find((e) => e.localName === "Hosts")!);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    // The schema fixes the order of the top-level elements.
    const order = children(root).map((e) => e.localName);
    const expected = [
      "Id",
      "Version",
      "ProviderName",
      "DefaultLocale",
      "DisplayName",
      "Description",
      "IconUrl",
      "HighResolutionIconUrl",
      "SupportUrl",
      "Hosts",
      "Requirements",
      "DefaultSettings",
      "Permissions",
      "VersionOverrides",
    ];
    expect(order).toEqual(expected);
  });

  it("has Norwegian overrides for the display name and description", () => {
    for (const name of ["DisplayName", "Description"]) {
      const el = children(root).find((e) => e.localName === name)!;
      expect(el.getAttribute("DefaultValue")).toBeTruthy();
      const nb = children(el).filter(
        (o) => o.localName === "Override" && o.getAttribute("Locale") === "nb-NO",
      );
      expect(nb, name).toHaveLength(1);
      expect(nb[0].getAttribute("Value")).not.toBe(el.getAttribute("DefaultValue"));
    }
    const displayName = children(root).find((e) => e.localName === "DisplayName")!;
    expect(children(displayName)[0].getAttribute("Value")).toBe("RST-verktøy");
  });

  it("requires the shared runtime 1.1", () => {
    const sets = all(one(doc, NS.app, "Requirements"), NS.app, "Set");
    expect(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")])).toContainEqual([
      "SharedRuntime",
      "1.1",
    ]);
  });

  it("runs functions, ribbon and task pane in one long-lived runtime on the task pane page", () => {
    const host = one(doc, NS.ov, "Host");
    expect(xsiType(host)).toBe("Workbook");
    expect(children(host).map((e) => e.localName)).toEqual([
      "Runtimes",
      "AllFormFactors",
      "DesktopFormFactor",
    ]);
    const runtime = one(host, NS.ov, "Runtime");
    expect(runtime.getAttribute("resid")).toBe("Taskpane.Url");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    expect(one(host, NS.ov, "FunctionFile").getAttribute("resid")).toBe("Taskpane.Url");
  });

  it("declares custom functions with Script, Page (the shared runtime) and Metadata, and no Namespace", () => {
    const points = all(doc, NS.ov, "ExtensionPoint").filter((e) => xsiType(e) === "CustomFunctions");
    expect(points).toHaveLength(1);
    const point = points[0];
    const src = (name: string) => one(one(point, NS.ov, name), NS.ov, "SourceLocation").getAttribute("resid");
    expect(src("Script")).toBe("Functions.Script.Url");
    expect(src("Page")).toBe("Taskpane.Url");
    expect(src("Metadata")).toBe("Functions.Metadata.Url");
    expect(all(doc, NS.ov, "Namespace")).toHaveLength(0);
  });

  it("puts the RST group on the Home tab with the validate command and the pane button", () => {
    const tab = one(doc, NS.ov, "OfficeTab");
    expect(tab.getAttribute("id")).toBe("TabHome");
    const group = one(tab, NS.ov, "Group");
    const label = (el: Element) => {
      const own = children(el).filter((c) => c.localName === "Label");
      expect(own).toHaveLength(1);
      return shortString(own[0].getAttribute("resid")!);
    };
    expect(label(group)).toBe("RST");
    const controls = all(group, NS.ov, "Control");
    expect(controls.map(label)).toEqual(["Kontroller handlingsplan", "Vis RST-panel"]);
    const [validate, pane] = controls.map((c) => one(c, NS.ov, "Action"));
    expect(xsiType(validate)).toBe("ExecuteFunction");
    expect(one(validate, NS.ov, "FunctionName").textContent).toBe("validatePlan");
    expect(xsiType(pane)).toBe("ShowTaskpane");
    expect(one(pane, NS.ov, "SourceLocation").getAttribute("resid")).toBe("Taskpane.Url");
    for (const c of controls) {
      const sizes = all(one(c, NS.ov, "Icon"), NS.bt, "Image").map((i) => i.getAttribute("size"));
      expect(sizes).toEqual(expect.arrayContaining(["16", "32", "80"]));
    }
  });

  it("defines every resid it references, within 32 characters, and uses each resource", () => {
    const resources = one(doc, NS.ov, "Resources");
    const defined = new Map<string, string>();
    for (const el of all(resources, NS.bt, "*")) {
      const id = el.getAttribute("id");
      if (!id) continue;
      expect(defined.has(id), `duplicate id ${id}`).toBe(false);
      defined.set(id, el.localName!);
    }
    const referenced = new Set(
      Array.from(doc.getElementsByTagName("*"))
        .map((e) => e.getAttribute("resid"))
        .filter((r): r is string => !!r),
    );
    for (const resid of referenced) {
      expect(defined.has(resid), `resid ${resid} is not defined in <Resources>`).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
    for (const id of defined.keys()) expect(referenced.has(id), `${id} is never used`).toBe(true);
  });

  it("keeps strings within the schema's lengths", () => {
    for (const el of all(one(doc, NS.ov, "Resources"), NS.bt, "String")) {
      const max = (el.parentNode as Element).localName === "ShortStrings" ? 125 : 250;
      expect(el.getAttribute("DefaultValue")!.length, el.getAttribute("id")!).toBeLessThanOrEqual(max);
    }
  });

  it("uses https URLs on localhost:3000 in development", () => {
    const urls = [...source.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url.startsWith("https://localhost:3000/"), url).toBe(true);
  });

  it("points IconUrl, HighResolutionIconUrl and every ribbon image at a PNG of the right size", () => {
    const icon = children(root)
      .find((e) => e.localName === "IconUrl")!
      .getAttribute("DefaultValue")!;
    expect(pngSize(readFileSync(assetFor(icon)))).toEqual({ width: 32, height: 32 });
    const hi = children(root)
      .find((e) => e.localName === "HighResolutionIconUrl")!
      .getAttribute("DefaultValue")!;
    expect(pngSize(readFileSync(assetFor(hi)))).toEqual({ width: 64, height: 64 });

    const images = new Map(
      all(one(doc, NS.ov, "Resources"), NS.bt, "Image").map((i) => [
        i.getAttribute("id")!,
        i.getAttribute("DefaultValue")!,
      ]),
    );
    const uses = all(one(doc, NS.ov, "Hosts"), NS.bt, "Image");
    expect(uses.length).toBeGreaterThan(0);
    for (const use of uses) {
      const size = Number(use.getAttribute("size"));
      expect([16, 20, 24, 32, 40, 48, 64, 80]).toContain(size);
      const file = assetFor(images.get(use.getAttribute("resid")!)!);
      expect(pngSize(readFileSync(file)), file).toEqual({ width: size, height: size });
    }
  });
});

function shortString(id: string): string {
  const el = all(doc, NS.bt, "String").find((s) => s.getAttribute("id") === id);
  expect(el, id).toBeDefined();
  return el!.getAttribute("DefaultValue")!;
}
