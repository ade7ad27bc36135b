/**
 * The strict request-context machinery of the fake host: proxies queue operations that
 * run only at context.sync(); loaded properties are readable only after the sync that
 * delivers them; null objects (…OrNullObject) ignore methods, as Office does.
 */
import { areaA1, type Area } from "../../core/grid";
import type { FakeHost } from "./host";

export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

export function notLoaded(prop: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

type Op = () => void;

export class FakeContext {
  /** context.sync() calls made through this context. */
  syncCount = 0;
  closed = false;
  private ops: Op[] = [];
  private deliveries: Op[] = [];
  private responseChars = 0;
  private requestChars = 0;
  private trackedWorkbook: unknown;

  constructor(
    readonly host: FakeHost,
    makeWorkbook: (ctx: FakeContext) => unknown,
  ) {
    this.trackedWorkbook = makeWorkbook(this);
  }

  get workbook(): unknown {
    return this.trackedWorkbook;
  }

  /** Queue an operation for the next sync. */
  enqueue(op: Op): void {
    if (this.closed) {
      throw new FakeOfficeError(
        "InvalidObjectPath",
        "The object path isn't working: the request context was closed when its Excel.run ended.",
      );
    }
    this.ops.push(op);
  }

  /** From inside an operation: make a loaded value visible once the whole batch succeeded. */
  deliver(fn: Op, payload?: unknown): void {
    this.deliveries.push(fn);
    if (payload !== undefined) this.responseChars += JSON.stringify(payload)?.length ?? 0;
  }

  /**
   * When queuing: what an operation sends to Excel (written values, formulas, number formats,
   * note texts, address lists). Excel on the web refuses a request above 5 MB the same way it
   * refuses such a response (RequestPayloadSizeLimitExceeded; see src/excel/limits.ts).
   */
  request(payload: unknown): void {
    this.requestChars +=
      typeof payload === "string" ? payload.length + 2 : (JSON.stringify(payload)?.length ?? 0);
  }

  get pendingCount(): number {
    return this.ops.length;
  }

  async sync(): Promise<void> {
    if (this.closed) throw new FakeOfficeError("InvalidObjectPath", "The request context is closed.");
    this.syncCount++;
    this.host.syncCount++;
    const ops = this.ops;
    const requestChars = this.requestChars;
    this.ops = [];
    this.deliveries = [];
    this.responseChars = 0;
    this.requestChars = 0;
    this.host.changes = [];
    // Office answers asynchronously; yield once before applying.
    await Promise.resolve();
    this.host.requestChars += requestChars;
    const limit = this.host.payloadLimit;
    if (limit !== undefined && requestChars > limit) {
      // The request is refused as a whole: nothing of it runs.
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload (${requestChars} characters) exceeds the limit of ${limit}.`,
      );
    }
    try {
      for (const op of ops) op();
    } catch (e) {
      this.deliveries = [];
      dispatchChanges(this.host);
      throw e;
    }
    const deliveries = this.deliveries;
    this.deliveries = [];
    this.host.responseChars += this.responseChars;
    if (limit !== undefined && this.responseChars > limit) {
      dispatchChanges(this.host);
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload (${this.responseChars} characters) exceeds the limit of ${limit}.`,
      );
    }
    for (const d of deliveries) d();
    dispatchChanges(this.host);
  }
}

function dispatchChanges(host: FakeHost): void {
  const changes = host.changes;
  host.changes = [];
  for (const ch of changes) {
    for (const h of ch.sheet.handlers) {
      const args = changedArgs(ch.sheet.id, ch.area);
      // Office raises events asynchronously, after the batch.
      void Promise.resolve().then(() => h(args));
    }
  }
}

export function changedArgs(worksheetId: string, area: Area, source: "Local" | "Remote" = "Local") {
  return {
    address: areaA1(area),
    changeType: "RangeEdited",
    source,
    type: "WorksheetChanged",
    worksheetId,
  };
}

/** Normalise the forms load() accepts to property paths ("format/fill/color", "items/name"). */
export function loadPaths(spec: unknown): string[] | "all" {
  if (spec === undefined || spec === null) return "all";
  if (typeof spec === "string") {
    const parts = spec
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    return parts.length ? parts : "all";
  }
  if (Array.isArray(spec))
    return spec
      .flatMap((s) => String(s).split(","))
      .map((s) => s.trim())
      .filter(Boolean);
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if (typeof o.select === "string" || typeof o.expand === "string") {
      const sel = typeof o.select === "string" ? o.select.split(",") : [];
      const exp = typeof o.expand === "string" ? o.expand.split(",") : [];
      return [...sel, ...exp].map((s) => s.trim()).filter(Boolean);
    }
    const out: string[] = [];
    const walk = (obj: Record<string, unknown>, prefix: string) => {
      for (const [k, v] of Object.entries(obj)) {
        if (k === "$all" || k === "$top" || k === "$skip") continue;
        if (v === true) out.push(prefix + k);
        else if (v && typeof v === "object") walk(v as Record<string, unknown>, `${prefix}${k}/`);
      }
    };
    walk(o, "");
    return out.length ? out : "all";
  }
  throw new FakeOfficeError("InvalidArgument", "load() got an argument it does not understand.");
}

/**
 * Base of every proxy. The target is bound by an operation queued when the proxy is
 * created, so it resolves in batch order (a sheet deleted earlier in the batch is gone).
 */
export abstract class FakeClientObject<T> {
  protected bound: T | null | undefined = undefined;
  private loaded = new Map<string, unknown>();
  private pending = new Set<string>();
  private nullKnown = false;
  protected abstract readonly scalarProps: readonly string[];

  constructor(
    readonly context: FakeContext,
    resolve: (() => T | null) | { target: T },
  ) {
    if (typeof resolve === "function") {
      context.enqueue(() => {
        this.bound = resolve();
        context.deliver(() => (this.nullKnown = true));
      });
    } else {
      this.bound = resolve.target;
      this.nullKnown = true;
    }
  }

  /** Inside an op: the target, or null for a null object. */
  protected target(): T | null {
    if (this.bound === undefined)
      throw new FakeOfficeError("GeneralException", "Proxy used before it was bound.");
    return this.bound;
  }

  get isNullObject(): boolean {
    if (!this.nullKnown) throw notLoaded("isNullObject");
    return this.bound === null;
  }

  /** Queue a method on the target; a null object ignores it. */
  protected act(fn: (t: T) => void): void {
    this.context.enqueue(() => {
      const t = this.target();
      if (t !== null) fn(t);
    });
  }

  protected abstract readProp(t: T, prop: string): unknown;

  /** Navigation property used by load paths ("format/fill/color"). */
  protected navigate(prop: string): FakeClientObject<unknown> | undefined {
    void prop;
    return undefined;
  }

  load(spec?: unknown): this {
    const paths = loadPaths(spec);
    const list = paths === "all" ? [...this.scalarProps] : paths;
    const own: string[] = [];
    for (const p of list) {
      const slash = p.indexOf("/");
      if (slash < 0) {
        own.push(p);
        continue;
      }
      const child = this.navigate(p.slice(0, slash));
      if (!child) throw new FakeOfficeError("InvalidArgument", `Cannot load '${p}'.`);
      child.load(p.slice(slash + 1));
    }
    if (own.length) {
      for (const p of own) this.pending.add(p);
      this.context.enqueue(() => {
        const t = this.target();
        const values = own.map((p) => (t === null ? undefined : this.readProp(t, p)));
        this.context.deliver(() => {
          own.forEach((p, i) => {
            this.loaded.set(p, values[i]);
            this.pending.delete(p);
          });
        }, values);
      });
    }
    return this;
  }

  /** Inside an op (collection loads): read these properties now and deliver them with the batch. */
  loadNow(props: readonly string[]): void {
    const t = this.target();
    const values = props.map((p) => (t === null ? undefined : this.readProp(t, p)));
    this.context.deliver(() => props.forEach((p, i) => this.loaded.set(p, values[i])), values);
  }

  /** Read a loaded property; throws like Office when it was not loaded and synced. */
  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    if (this.bound === null) {
      throw new FakeOfficeError(
        "InvalidOperation",
        `The object is a null object; check isNullObject before reading '${prop}'.`,
      );
    }
    return this.loaded.get(prop) as V;
  }

  /** For collections: mark items loaded directly. */
  protected setLoaded(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export class FakeClientResult<V> {
  private v: V | undefined;
  private set = false;
  resolve(v: V): void {
    this.v = v;
    this.set = true;
  }
  get value(): V {
    if (!this.set) throw notLoaded("value");
    return this.v as V;
  }
}
