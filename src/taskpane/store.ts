/**
 * A tiny store for a tab's state: a pure reducer plus subscribers. The tabs' controllers (the code
 * that calls the Excel port and dispatches what happened) take a Store, so they run in Node tests
 * with a fake port; React reads it through useStore.
 */
import * as React from "react";

export interface Store<S, A> {
  getState(): S;
  dispatch(action: A): void;
  subscribe(listener: () => void): () => void;
}

export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = reducer(state, action);
      if (next === state) return;
      state = next;
      for (const l of [...listeners]) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

/** The store's current state, re-rendering on change. */
export function useStore<S, A>(store: Store<S, A>): S {
  return React.useSyncExternalStore(store.subscribe, store.getState, store.getState);
}

/** A message for the user and, for an error, the original text for support. */
export interface PaneError {
  message: string;
  detail?: string;
}

/** Any thrown value as a PaneError (the port's PortError carries a Norwegian message and a detail). */
export function paneError(e: unknown, prefix?: string): PaneError {
  const message =
    e instanceof Error ? e.message || e.name : typeof e === "string" ? e : "Ukjent feil i tillegget.";
  const detail =
    e && typeof e === "object" && typeof (e as { detail?: unknown }).detail === "string"
      ? (e as { detail: string }).detail
      : undefined;
  return {
    message: prefix ? `${prefix}: ${message}` : message,
    detail: detail && detail !== message ? detail : undefined,
  };
}
