import { describe, expect, it } from "vitest";
import { teamsHighContrastTheme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { luminance, themeKind } from "../../src/taskpane/theme";
import { paneTheme } from "../../src/taskpane/themes";

describe("the pane follows Office's theme", () => {
  it("reads Office's colours (Excel's own themes: white, dark grey, black)", () => {
    expect(themeKind({ bodyBackgroundColor: "#FFFFFF" }, false)).toBe("light");
    expect(themeKind({ bodyBackgroundColor: "#E6E6E6" }, false)).toBe("light"); // «Fargerik»/grå
    expect(themeKind({ bodyBackgroundColor: "#262626" }, false)).toBe("dark"); // mørk grå
    expect(themeKind({ bodyBackgroundColor: "#000000" }, false)).toBe("dark"); // svart
    expect(themeKind({ bodyBackgroundColor: "#FFFFFF", isDarkTheme: true }, false)).toBe("dark");
    expect(themeKind(undefined, false)).toBe("light");
    expect(themeKind({ bodyBackgroundColor: "not a colour" }, false)).toBe("light");
  });
  it("high contrast (forced colours) wins over the colours", () => {
    expect(themeKind({ bodyBackgroundColor: "#FFFFFF" }, true)).toBe("highContrast");
    expect(paneTheme({ bodyBackgroundColor: "#000000" }, true)).toBe(teamsHighContrastTheme);
    expect(paneTheme({ bodyBackgroundColor: "#1f1f1f" }, false)).toBe(webDarkTheme);
    expect(paneTheme({}, false)).toBe(webLightTheme);
  });
  it("luminance by WCAG's formula", () => {
    expect(luminance("#ffffff")).toBeCloseTo(1, 6);
    expect(luminance("#000")).toBe(0);
    expect(luminance("#808080")).toBeCloseTo(0.2159, 3);
    expect(luminance("rgb(0,0,0)")).toBeNull();
  });
});
