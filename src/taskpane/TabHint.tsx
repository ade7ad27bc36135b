/**
 * A tab's full name shown below it on hover and keyboard focus, as its description
 * (role="tooltip", aria-describedby). A small hand-made tooltip rather than Fluent's Tooltip:
 * that one brings the positioning engine (floating-ui), about 15 kB gzip of the pane's first
 * load (issue 13.5), for four words. It is rendered in a Fluent Portal (outside the tablist,
 * which may own only tabs, and with the theme's variables), kept inside the window, and Escape
 * hides it (WCAG 1.4.13).
 */
import * as React from "react";
import { Portal, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  hint: {
    position: "fixed",
    zIndex: 1000,
    maxWidth: "calc(100vw - 8px)",
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalS}`,
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

const MARGIN = 4;

/** `children` is the Tab; `tabId` its id (the tooltip is placed under that element). */
export function TabHint({
  tabId,
  hint,
  children,
}: {
  tabId: string;
  hint: string;
  children: React.ReactElement;
}) {
  const styles = useStyles();
  const [shown, setShown] = React.useState(false);
  const ref = React.useRef<HTMLSpanElement>(null);
  const hintId = `${tabId}-hint`;
  const show = () => setShown(true);
  const hide = () => setShown(false);

  React.useLayoutEffect(() => {
    const tab = document.getElementById(tabId);
    const el = ref.current;
    if (!shown || !tab || !el) return;
    const r = tab.getBoundingClientRect();
    const width = el.getBoundingClientRect().width;
    el.style.top = `${r.bottom + 2}px`;
    el.style.left = `${Math.max(MARGIN, Math.min(r.left, window.innerWidth - width - MARGIN))}px`;
  }, [shown, tabId]);

  const tab = React.cloneElement(children as React.ReactElement<Record<string, unknown>>, {
    "aria-describedby": hintId,
    onFocus: show,
    onBlur: hide,
    onPointerEnter: show,
    onPointerLeave: hide,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === "Escape") hide();
    },
  });
  return (
    <>
      {tab}
      <Portal>
        <span ref={ref} id={hintId} role="tooltip" className={styles.hint} hidden={!shown}>
          {hint}
        </span>
      </Portal>
    </>
  );
}
