/**
 * A tab's full name shown below it on hover and keyboard focus, as its description
 * (role="tooltip", aria-describedby). A small hand-made tooltip rather than Fluent's Tooltip:
 * that one brings the positioning engine (floating-ui), about 15 kB gzip of the pane's first
 * load (issue 13.5), for four words. Escape hides it (WCAG 1.4.13).
 */
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  anchor: { position: "relative", display: "inline-flex" },
  hint: {
    position: "absolute",
    top: "100%",
    right: 0,
    zIndex: 10,
    marginTop: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
    whiteSpace: "nowrap",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
    pointerEvents: "none",
  },
});

export function TabHint({ id, hint, children }: { id: string; hint: string; children: React.ReactElement }) {
  const styles = useStyles();
  const [shown, setShown] = React.useState(false);
  const hintId = `${id}-hint`;
  const show = () => setShown(true);
  const hide = () => setShown(false);
  const tab = React.cloneElement(children as React.ReactElement<Record<string, unknown>>, {
    "aria-describedby": hintId,
    onFocus: show,
    onBlur: hide,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape") hide();
    },
  });
  return (
    <span className={styles.anchor} onPointerEnter={show} onPointerLeave={hide}>
      {tab}
      <span id={hintId} role="tooltip" className={styles.hint} hidden={!shown}>
        {hint}
      </span>
    </span>
  );
}
