/**
 * Every Fluent theme the pane may use, by kind. Dark and high contrast are loaded only when
 * Office or the webview asks for them (index.tsx), so the light theme most users see is the
 * only one in the first load; the preview and the tests import this module directly.
 */
import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import { themeKind, type OfficeThemeColors, type ThemeKind } from "./theme";

export const FLUENT_THEMES: Record<ThemeKind, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  highContrast: teamsHighContrastTheme,
};

/** The Fluent theme for what Office and the webview say (a `?theme=` override is for the preview). */
export function paneTheme(office: OfficeThemeColors | undefined, forcedColors: boolean): Theme {
  return FLUENT_THEMES[themeKind(office, forcedColors)];
}
