/** Small shared pieces: error, loading and empty states. */
import * as React from "react";
import { MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text } from "@fluentui/react-components";
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
