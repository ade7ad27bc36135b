/**
 * Document settings (Office.context.document.settings, saved with the workbook) with an
 * in-memory fallback when Office is absent (browser preview, tests, Node).
 */
const memory = new Map<string, unknown>();

function documentSettings(): Office.Settings | undefined {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.document?.settings ?? undefined;
  } catch {
    return undefined;
  }
}

export function getSetting<T>(key: string, fallback: T): T {
  const settings = documentSettings();
  if (settings) {
    const v = settings.get(key) as T | null | undefined;
    return v === null || v === undefined ? fallback : v;
  }
  return memory.has(key) ? (memory.get(key) as T) : fallback;
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
