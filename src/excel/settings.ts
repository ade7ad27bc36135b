/**
 * Document settings (Office.context.document.settings, saved with the workbook) with an
 * in-memory fallback when Office is absent (browser preview, tests, Node).
 */
import type { ZodMiniType } from "zod/mini";

const memory = new Map<string, unknown>();

function documentSettings(): Office.Settings | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.document?.settings ?? undefined;
  } catch {
    return undefined;
  }
}

/** The stored value as is, unchecked: prefer readSetting for anything read back from a document. */
export function getSetting<T>(key: string, fallback: T): T {
  const settings = documentSettings();
  if (settings) {
    const v = settings.get(key) as T | null | undefined;
    return v === null || v === undefined ? fallback : v;
  }
  return memory.has(key) ? (memory.get(key) as T) : fallback;
}

/**
 * The stored value checked with a schema; fallback when unset or invalid. The settings travel
 * with the workbook, so another version of the add-in, another add-in or a hand-edited file may
 * have written anything there.
 */
export function readSetting<T>(key: string, schema: ZodMiniType<T>, fallback: T): T {
  const raw = getSetting<unknown>(key, undefined);
  if (raw === undefined) return fallback;
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : fallback;
}

export async function setSetting(key: string, value: unknown): Promise<void> {
  const settings = documentSettings();
  if (!settings) {
    memory.set(key, value);
    return;
  }
  settings.set(key, value);
  await new Promise<void>((resolve, reject) =>
    settings.saveAsync((result) => {
      if (String(result.status) === "failed")
        reject(
          new Error(`Kunne ikke lagre innstillingen «${key}»: ${result.error?.message ?? "ukjent feil"}`),
        );
      else resolve();
    }),
  );
}
