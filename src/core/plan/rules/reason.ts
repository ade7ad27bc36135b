/**
 * A parser's reason as the bracketed part of a rule's message: without its own advice
 * ("Skriv …", which the rule gives once after it) and without quoting the cell text again.
 */
export function reasonInMessage(reason: string, cellText: string): string {
  const sentences = reason
    .split(/(?<=[.!?])\s+(?=\p{Lu})/u)
    .map((s) => s.trim())
    .filter((s) => s !== "" && !/^(Skriv|Bruk|Prøv)\b/.test(s));
  let out = sentences.join(" ").replace(/\.$/, "");
  if (cellText !== "") out = out.split(` i «${cellText}»`).join("");
  return out === "" ? "ukjent format" : out;
}
