/**
 * Browser checks for accessibility and zoom: axe-core injected into the page, and a layout check
 * that finds text that is cut off, text drawn over other text or over a control, and chart text
 * smaller than 11 px. Used at 320 px and at 160 px (a 320 px pane at 200 % zoom).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Locator, Page } from "playwright-core";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * axe-core on the element matching `selector` (the task pane): every rule axe runs by default plus
 * the experimental label-content-name-mismatch (accessible names must contain the visible label).
 * Fluent's tabster focus guards (invisible elements that keep focus inside a dialog) are left out.
 */
export async function axeViolations(page: Page, selector: string): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== "undefined",
  );
  if (!loaded) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (sel) => {
    type Axe = {
      run: (
        ctx: unknown,
        opts: unknown,
      ) => Promise<{
        violations: {
          id: string;
          impact: string | null;
          help: string;
          nodes: { target: unknown[]; html: string }[];
        }[];
      }>;
    };
    const axe = (window as unknown as { axe: Axe }).axe;
    const res = await axe.run(
      { include: [[sel]], exclude: [["[data-tabster-dummy]"]] },
      { rules: { "label-content-name-mismatch": { enabled: true } }, resultTypes: ["violations"] },
    );
    return res.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(" ")} ${n.html.slice(0, 120)}`),
    }));
  }, selector);
}

/**
 * What a reader at this width cannot read: descriptions of
 *  - text cut off by an ancestor that hides overflow (a scrollable ancestor is fine: it can be scrolled),
 *  - text whose box overlaps another text's box, or a form control it is not part of,
 *  - SVG text drawn smaller than 11 px.
 * Only what is rendered counts: hidden panels, display:none and visually hidden (1 px) text are skipped.
 */
export async function layoutProblems(container: Locator): Promise<string[]> {
  return container.evaluate((root) => {
    const out: string[] = [];
    const label = (el: Element, text: string) =>
      `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""} «${text.trim().replace(/\s+/g, " ").slice(0, 50)}»`;
    const visible = (el: Element): boolean => {
      // closed <details>, content-visibility and the like (Chrome's own answer first)
      const check = (el as Element & { checkVisibility?: (o: object) => boolean }).checkVisibility;
      if (check && !check.call(el, { checkOpacity: true, checkVisibilityCSS: true })) return false;
      const closed = el.closest("details:not([open])");
      if (closed && !el.closest("summary")) return false;
      for (let e: Element | null = el; e && e !== root.parentElement; e = e.parentElement) {
        const cs = getComputedStyle(e);
        if (cs.display === "none" || cs.visibility === "hidden" || (e as HTMLElement).hidden) return false;
        if (cs.clip === "rect(0px, 0px, 0px, 0px)" || cs.clipPath === "inset(50%)") return false;
      }
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1;
    };
    type Box = { rect: DOMRect; el: Element; node: Text; text: string };
    const boxes: Box[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const node = n as Text;
      const text = node.data;
      if (!text.trim()) continue;
      const el = node.parentElement;
      if (!el || !visible(el) || el.closest("style,script,title,desc")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) {
        if (rect.width < 0.5 || rect.height < 0.5) continue;
        boxes.push({ rect, el, node, text });
      }
    }

    // 1. cut off by an ancestor that clips (overflow hidden/clip, or text-overflow)
    const cut = new Set<Text>();
    for (const b of boxes) {
      for (let a: Element | null = b.el; a && a !== document.documentElement; a = a.parentElement) {
        const cs = getComputedStyle(a);
        const clipsX = cs.overflowX === "hidden" || cs.overflowX === "clip";
        const clipsY = cs.overflowY === "hidden" || cs.overflowY === "clip";
        const scrollsX = cs.overflowX === "auto" || cs.overflowX === "scroll";
        const scrollsY = cs.overflowY === "auto" || cs.overflowY === "scroll";
        if (!clipsX && !clipsY && !scrollsX && !scrollsY) continue;
        const r = a.getBoundingClientRect();
        const outX = b.rect.left < r.left - 0.5 || b.rect.right > r.right + 0.5;
        const outY = b.rect.top < r.top - 0.5 || b.rect.bottom > r.bottom + 0.5;
        if ((outX && clipsX) || (outY && clipsY)) {
          if (!cut.has(b.node)) out.push(`kuttet: ${label(b.el, b.text)} av ${label(a, "")}`);
          cut.add(b.node);
          break;
        }
        if ((outX && scrollsX) || (outY && scrollsY)) break; // reachable by scrolling
      }
      const el = b.el as HTMLElement;
      const cs = getComputedStyle(el);
      if (cs.textOverflow === "ellipsis" && el.scrollWidth > el.clientWidth + 1 && !cut.has(b.node)) {
        out.push(`kuttet med «…»: ${label(el, b.text)}`);
        cut.add(b.node);
      }
    }

    // 1b. controls (fields, buttons) that run out of a clipping ancestor: their text is cut too
    for (const c of Array.from(root.querySelectorAll("input, select, textarea, button, [role=combobox]"))) {
      if (!visible(c)) continue;
      const cr = c.getBoundingClientRect();
      for (
        let a: Element | null = c.parentElement;
        a && a !== document.documentElement;
        a = a.parentElement
      ) {
        const cs = getComputedStyle(a);
        if (cs.overflowX === "auto" || cs.overflowX === "scroll") break;
        if (cs.overflowX !== "hidden" && cs.overflowX !== "clip") continue;
        const r = a.getBoundingClientRect();
        if (cr.left < r.left - 0.5 || cr.right > r.right + 0.5)
          out.push(
            `kuttet felt: ${label(c, c.getAttribute("aria-label") ?? c.textContent ?? "")} av ${label(a, "")}`,
          );
        break;
      }
    }

    // 2. overlapping text, and text under a control it does not belong to
    const overlap = (p: DOMRect, q: DOMRect) =>
      Math.min(p.right, q.right) - Math.max(p.left, q.left) > 1 &&
      Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 1;
    const reported = new Set<string>();
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        if (a.node === b.node || !overlap(a.rect, b.rect)) continue;
        const key = `${label(a.el, a.text)}|${label(b.el, b.text)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        out.push(`overlapper: ${label(a.el, a.text)} og ${label(b.el, b.text)}`);
      }
    }
    const controls = Array.from(root.querySelectorAll("input, select, textarea")).filter(visible);
    for (const c of controls) {
      // Fluent draws a field as a wrapper around the input (with its placeholder, icons, value)
      const wrapper = c.closest("[class*='fui-Input'], [class*='fui-Select'], [class*='fui-Dropdown']") ?? c;
      const cr = wrapper.getBoundingClientRect();
      for (const b of boxes) {
        if (wrapper.contains(b.el) || !overlap(cr, b.rect)) continue;
        out.push(
          `under et felt: ${label(b.el, b.text)} under ${label(c, c.getAttribute("aria-label") ?? "")}`,
        );
      }
    }

    // 3. chart text at least 11 px as drawn
    for (const t of Array.from(root.querySelectorAll("svg text"))) {
      if (!visible(t)) continue;
      const size = parseFloat(getComputedStyle(t).fontSize);
      const ctm = (t as SVGGraphicsElement).getScreenCTM();
      const drawn = ctm ? size * Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) : size;
      if (drawn < 10.95)
        out.push(`for liten diagramtekst (${drawn.toFixed(1)} px): ${label(t, t.textContent ?? "")}`);
    }
    return out;
  });
}
