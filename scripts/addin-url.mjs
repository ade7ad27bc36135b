#!/usr/bin/env node
// The manifest's address (issue 11.8).
//   --notice   (end of `npm run build`): without ADDIN_URL, say loudly that dist/manifest.xml points
//              at https://localhost:3000 and will not work for anyone else.
//   --require  (start of `npm run build:prod`): refuse to build without an https ADDIN_URL.
const raw = (process.env.ADDIN_URL || "").trim();
const mode = process.argv[2];

if (mode === "--require") {
  if (!raw) {
    console.error(
      "build:prod: ADDIN_URL mangler. Oppgi adressen tillegget skal ligge på, f.eks.\n" +
        "  ADDIN_URL=https://rst.example.no/ npm run build:prod\n" +
        "Uten den peker manifest.xml på localhost og virker bare på din egen maskin.",
    );
    process.exit(1);
  }
  if (!/^https:\/\//i.test(raw)) {
    console.error(`build:prod: ADDIN_URL må være en https-adresse (Office krever https), fikk «${raw}».`);
    process.exit(1);
  }
  process.exit(0);
}

if (mode === "--notice") {
  if (!raw) {
    const line = "!".repeat(78);
    console.error(
      `\n${line}\n` +
        "!! MERK: dist/manifest.xml peker på https://localhost:3000/ (ADDIN_URL var ikke satt).\n" +
        "!! Den virker bare for utvikling på denne maskinen. For å dele tillegget:\n" +
        "!!   ADDIN_URL=https://din-adresse.no/ npm run build:prod\n" +
        `${line}\n`,
    );
  } else {
    console.error(`dist/manifest.xml peker på ${raw}`);
  }
  process.exit(0);
}

console.error("Bruk: node scripts/addin-url.mjs --notice | --require");
process.exit(2);
