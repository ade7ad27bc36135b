/* The Norwegian custom-function metadata (functions-nb-NO.json) made from the generated default
 * functions.json and the table src/functions/functions.nb-NO.json.
 *
 * Excel picks the metadata file by the manifest's <bt:Override Locale="nb-NO"> on
 * Functions.Metadata.Url (Microsoft: "Localize custom functions": one JSON file per language with
 * name and description in that language; ids unchanged). Everything but the names and the
 * descriptions is copied from the default file, so the two cannot differ in ids, parameters,
 * types, dimensionality, options or help pages. A function or parameter missing from the table,
 * or one the table names that the JSDoc no longer has, is an error: the build fails instead of
 * shipping English names in Norwegian Excel.
 */
"use strict";

const fs = require("node:fs");
const path = require("node:path");

const TABLE = path.join(__dirname, "..", "src", "functions", "functions.nb-NO.json");
/** Excel's rules for a function name: starts with a letter, letters/digits/_/., at least 3 characters. */
const NAME = /^\p{L}[\p{L}\p{N}_.]{2,}$/u;
const PARAM = /^\p{L}[\p{L}\p{N}_]*$/u;

function readTable(file = TABLE) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/**
 * @param {{ functions: object[] }} metadata the default functions.json, parsed
 * @param {{ functions: Record<string, { name: string, parameters: Record<string,string>, description?: string, parameterDescriptions?: Record<string,string> }> }} table
 * @returns {{ metadata: { functions: object[] } | null, errors: string[] }}
 */
function localizeMetadata(metadata, table) {
  const errors = [];
  const entries = (table && table.functions) || {};
  const ids = new Set(metadata.functions.map((f) => f.id));
  for (const id of Object.keys(entries))
    if (!ids.has(id)) errors.push(`${id}: står i functions.nb-NO.json, men finnes ikke i functions.ts`);
  const names = new Map();
  const functions = metadata.functions.map((f) => {
    const nb = entries[f.id];
    if (!nb) {
      errors.push(`${f.id}: mangler norsk navn i src/functions/functions.nb-NO.json`);
      return f;
    }
    if (typeof nb.name !== "string" || !NAME.test(nb.name))
      errors.push(`${f.id}: ugyldig norsk funksjonsnavn «${nb.name}»`);
    const upper = String(nb.name).toUpperCase();
    if (names.has(upper))
      errors.push(`${f.id}: det norske navnet «${nb.name}» brukes også av ${names.get(upper)}`);
    names.set(upper, f.id);
    const given = Object.keys(nb.parameters || {});
    const wanted = f.parameters.map((p) => p.name);
    for (const p of given)
      if (!wanted.includes(p)) errors.push(`${f.id}: parameteren «${p}» finnes ikke i functions.ts`);
    for (const p of Object.keys(nb.parameterDescriptions || {}))
      if (!wanted.includes(p)) errors.push(`${f.id}: beskrivelse for ukjent parameter «${p}»`);
    const seen = new Set();
    const parameters = f.parameters.map((p) => {
      const name = nb.parameters && nb.parameters[p.name];
      if (!name) errors.push(`${f.id}: mangler norsk navn for parameteren «${p.name}»`);
      else if (!PARAM.test(name)) errors.push(`${f.id}: ugyldig parameternavn «${name}»`);
      else if (seen.has(name)) errors.push(`${f.id}: parameternavnet «${name}» står to ganger`);
      seen.add(name);
      const description = (nb.parameterDescriptions && nb.parameterDescriptions[p.name]) || p.description;
      return { ...p, name: name || p.name, ...(description !== undefined ? { description } : {}) };
    });
    return { ...f, name: nb.name, description: nb.description || f.description, parameters };
  });
  return errors.length ? { metadata: null, errors } : { metadata: { ...metadata, functions }, errors };
}

module.exports = { localizeMetadata, readTable, TABLE };
