/** Small shared pieces: error, loading and empty states. */
import * as React from "react";
import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PaneError } from "./store";

/** An error in Norwegian; the original (English) text below it for support, when there is one. */
export function ErrorBar({ title, error }: { title: string; error: PaneError }) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {error.message}
        {error.detail && (
          <Text block size={100} data-testid="error-detail">
            Teknisk detalj (for brukerstøtte): {error.detail}
          </Text>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}

export function Loading({ label }: { label: string }) {
  return <Spinner size="small" label={label} labelPosition="after" />;
}

export function Info({
  children,
  intent = "info",
  title,
}: {
  children: React.ReactNode;
  intent?: "info" | "success" | "warning" | "error";
  title?: string;
}) {
  return (
    <MessageBar intent={intent} layout="multiline">
      <MessageBarBody>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/**
 * A table that may be wider than the pane (at 200 % zoom the pane is 160 px): it scrolls
 * sideways inside a focusable region with a visible scrollbar instead of being cut off or
 * squeezing its numbers into each other. The table keeps its natural width.
 */
export function ScrollRegion({ label, children }: { label: string; children: React.ReactNode }) {
  const styles = useUiStyles();
  return (
    <div role="region" aria-label={label} tabIndex={0} className={styles.scroll}>
      {children}
    </div>
  );
}

/** A grey panel that groups a few lines (the check's summary, the plan against the ledger, a cell's reading). */
export const usePanelStyles = makeStyles({
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
});

const useUiStyles = makeStyles({
  scroll: {
    overflowX: "auto",
    maxWidth: "100%",
    // a visible, classic scrollbar where the platform allows it
    scrollbarWidth: "thin",
    scrollbarColor: `${tokens.colorNeutralStroke1} transparent`,
    paddingBottom: "2px",
    "& > table": { minWidth: "100%", width: "max-content" },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
});

/**
 * The rendered width of an element (ResizeObserver), or null before it is known (and in Node,
 * where nothing is laid out).
 */
export function useElementWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number | null] {
  const ref = React.useRef<T | null>(null);
  const [width, setWidth] = React.useState<number | null>(null);
  React.useLayoutEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    setWidth(el.getBoundingClientRect().width);
    const ro = new ResizeObserver((entries) => setWidth(entries[0]?.contentRect.width ?? null));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
}

/** Charts need this much width to keep their text at 11 px or more; narrower, the table says it all. */
export const CHART_MIN_WIDTH = 260;

/**
 * Font sizes for an SVG drawn `viewBoxWidth` wide into `width` px: at least 11 px as drawn
 * (WCAG-friendly chart text), whatever the scale.
 */
export function chartFont(viewBoxWidth: number, width: number | null): (size: number) => number {
  const scale = width && width > 0 ? width / viewBoxWidth : 1;
  return (size) => Math.round((Math.max(size, 11) / scale) * 100) / 100;
}

/**
 * Focus goes back to what opened a dialog when it closes (a dialog opened from state, without a
 * DialogTrigger, would otherwise leave focus on <body>).
 */
export function useRestoreFocus(open: boolean): void {
  const opener = React.useRef<HTMLElement | null>(null);
  React.useLayoutEffect(() => {
    if (open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      return;
    }
    const el = opener.current;
    opener.current = null;
    if (el && el.isConnected) requestAnimationFrame(() => el.focus());
  }, [open]);
}
