/**
 * The pane follows Office's theme: light, dark, or the system's high contrast. Office tells the
 * add-in its theme colours (Office.context.officeTheme: bodyBackgroundColor and friends, and in
 * newer hosts isDarkTheme); Windows' high contrast shows as the forced-colors media feature in the
 * pane's webview. Pure: the caller reads Office and matchMedia and passes what it found.
 */

export type ThemeKind = "light" | "dark" | "highContrast";

/** The parts of Office.context.officeTheme used here (all optional: older hosts give less). */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  isDarkTheme?: boolean;
}

/** Relative luminance (WCAG) of "#rrggbb" or "#rgb"; null for anything else. */
export function luminance(color: string | undefined): number | null {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Which theme: forced colours first (high contrast), then Office's own flag, then its background colour. */
export function themeKind(office: OfficeThemeColors | undefined, forcedColors: boolean): ThemeKind {
  if (forcedColors) return "highContrast";
  if (typeof office?.isDarkTheme === "boolean") return office.isDarkTheme ? "dark" : "light";
  const l = luminance(office?.bodyBackgroundColor);
  return l !== null && l < 0.2 ? "dark" : "light";
}
