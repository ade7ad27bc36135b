/**
 * One or more cases per rule of the deadline reader (src/core/deadline/rules.ts), chosen so the
 * answer depends on that rule: without it the text is read differently or refused. The last test
 * checks that every rule in the table has a case here.
 */
import { describe, expect, it } from "vitest";
import { parseDeadlineUncached, RULES } from "../../src/core/deadline";

type Want = [string | null, string | null] | RegExp;
const CASES: [rule: string, text: string, planYear: number | undefined, want: Want][] = [
  ["iso-dato", "2026-03-31", undefined, ["2026-03-31", "2026-03-31"]],
  ["dato-år-først", "Startdag 2025.07.02", undefined, ["2025-07-02", "2025-07-02"]],
  ["dato", "1.7.2026", undefined, ["2026-07-01", "2026-07-01"]],
  ["dato", "11.02.26", undefined, ["2026-02-11", "2026-02-11"]],
  ["dato-skråstrek-år", "31/12-26", undefined, ["2026-12-31", "2026-12-31"]],
  ["dag-månedsnavn", "20.november 2025", undefined, ["2025-11-20", "2025-11-20"]],
  // a spaced dash is a range, not the year "-30"
  ["dag-månedsnavn", "1. januar - 30. juni 2026", undefined, ["2026-01-01", "2026-06-30"]],
  ["kvartal", "3. kv. 2026", undefined, ["2026-07-01", "2026-09-30"]],
  ["kvartaler", "1.-2. kvartal 2026", undefined, ["2026-01-01", "2026-06-30"]],
  ["kvartaler", "2. og 3. tertial 2026", undefined, ["2026-05-01", "2026-12-31"]],
  ["kvartaler", "3.-1. kvartal 2026", undefined, /det siste kommer før det første/],
  ["halvår", "2.halvår 2026", undefined, ["2026-07-01", "2026-12-31"]],
  ["tertial", "2. tertial 2026", undefined, ["2026-05-01", "2026-08-31"]],
  ["tertial", "3.tertial 2026", undefined, ["2026-09-01", "2026-12-31"]],
  ["måned-tall", "03.2026", undefined, ["2026-03-01", "2026-03-31"]],
  ["dag-måned-tall", "31.08 2027", undefined, ["2027-08-31", "2027-08-31"]],
  ["dag-måned-tall", "13.01", 2026, ["2026-01-13", "2026-01-13"]],
  ["dag-måned-tall", "innen 1.6.", 2026, [null, "2026-06-01"]],
  [
    "dag-måned-tall",
    "2.1 Overordnet samarbeidsavtale",
    2026,
    /«2\.1» kan være et kapittel- eller versjonsnummer/,
  ],
  ["dag-måned-tall", "Budsjett 1.5 mill", 2026, /^Fant ingen dato/],
  ["dato-bindestrek", "04-03-2026", undefined, ["2026-03-04", "2026-03-04"]],
  ["dager-i-måned", "1.-15. mars 2026", undefined, ["2026-03-01", "2026-03-15"]],
  // before «år-til-år-kort»: «10-15» here is days, not the years 2010–2015
  ["dager-i-måned", "10-15 mars 2026", undefined, ["2026-03-10", "2026-03-15"]],
  ["dager-i-måned", "1. og 15. mars 2026", undefined, ["2026-03-01", "2026-03-15"]],
  ["dager-i-måned", "15.-1. mars 2026", undefined, /den siste dagen kommer før den første/],
  ["år-skråstrek-kort", "02.2025 - 2027/28", undefined, ["2025-02-01", null]],
  ["år-skråstrek-kort", "2025/27", undefined, /27 er ikke året etter 2025/],
  ["beløp", "Estimert 700 000 kr i 2026", undefined, ["2026-01-01", "2026-12-31"]],
  ["beløp", "1 100 000 i 2025", undefined, ["2025-01-01", "2025-12-31"]],
  ["prosent", "Prosjektstilling 100% i 2026", undefined, ["2026-01-01", "2026-12-31"]],
  ["prosent", "(Prosjektstillinger 2x50%) 2026", undefined, ["2026-01-01", "2026-12-31"]],
  ["antall", "Det er i 2025 gjennomført 4 digitale møter.", undefined, ["2025-01-01", "2025-12-31"]],
  ["antall", "05.06.25 med 120 deltakere", undefined, ["2025-06-05", "2025-06-05"]],
  ["antall", "4 møter av 3 timer i 2025", undefined, ["2025-01-01", "2025-12-31"]],
  ["aldersspenn", "Bekymret for barn 0-3 år", undefined, /«0-3 år» er en aldersgruppe/],
  ["varighet", "3 år fra 2025", undefined, ["2025-01-01", "2027-12-31"]],
  ["varighet", "3-årig prosjekt, 2025-2027", undefined, ["2025-01-01", "2027-12-31"]],
  ["varighet", "18 måneder fra mars 2026", undefined, ["2026-03-01", "2027-08-31"]],
  ["varighet", "3 år", undefined, /^«3 år» er en varighet uten start/],
  ["år-til-år-kort", "finansiering 26-29.", undefined, ["2026-01-01", "2029-12-31"]],
  ["år-til-år-kort", "2025-26", undefined, ["2025-01-01", "2026-12-31"]],
  ["år", "2026", undefined, ["2026-01-01", "2026-12-31"]],
  ["bindestrek", "2025 - 2027", undefined, ["2025-01-01", "2027-12-31"]],
  ["bindestrek", "01.2026 -", undefined, ["2026-01-01", null]],
  ["skråstrek", "02.2025 - 2027/2028", undefined, ["2025-02-01", null]],
  ["skråstrek", "2027/2028", undefined, /^Usikkert hvilken periode/],
  ["skråstrek", "evalueres i løpet av februar/", 2026, /slutter midt i en periode/],
  [
    "skråstrek",
    "frem til medio februar/primomars, deretter oppstart",
    2026,
    /Forstod ikke det som står etter «\/»/,
  ],
  ["liste", "2.kvartal 2026, 4.kvartal 2026", undefined, ["2026-04-01", "2026-12-31"]],
  // a comma before a bare year writes the year of the period before it
  ["liste", "juni, 2026", undefined, ["2026-06-01", "2026-06-30"]],
  ["bindestrek", "juni - 2026", undefined, /Usikkert hvilket år «juni» gjelder/],
  ["bindestrek", "2026 - juni", undefined, /Usikkert hvilket år «juni» gjelder/],
  ["setning", "2026-2027; søkt om mer midler", undefined, ["2026-01-01", "2027-12-31"]],
  ["paragraf", "jf. spesialisthelsetjenesteloven § 2.1e) fra 2025", undefined, ["2025-01-01", null]],
  ["kvartal-ord", "fjerde kvartal 2026", undefined, ["2026-10-01", "2026-12-31"]],
  ["kvartal-ord", "siste kvartal 2026", undefined, ["2026-10-01", "2026-12-31"]],
  ["halvår-ord", "i løpet av første halvår 2026", undefined, ["2026-01-01", "2026-06-30"]],
  ["tertial-ord", "første tertial 2026", undefined, ["2026-01-01", "2026-04-30"]],
  ["siste-år", "hadde siste år med prosjektstøtte i 2025", undefined, [null, "2025-12-31"]],
  ["siste-år", "2026 siste år med støtte", undefined, /Forstod ikke hvordan «siste år» henger sammen/],
  ["q-kvartal", "Q3 2026", undefined, ["2026-07-01", "2026-09-30"]],
  ["h-halvår", "H2 2026", undefined, ["2026-07-01", "2026-12-31"]],
  ["primo-medio-ultimo", "medio juni 2026", undefined, ["2026-06-15", "2026-06-15"]],
  ["primo-år", "ultimo 2026", undefined, ["2026-12-01", "2026-12-31"]],
  ["måned", "godkjent november 25", 2025, ["2025-11-01", "2025-11-30"]],
  // a bare two-digit number far from the plan year, or with none, may be a day: «mai 21»
  ["måned", "mai 21", 2026, /«mai 21» kan bety 21\. mai eller mai 2021/],
  ["måned", "godkjent november 25", undefined, /kan bety 25\. november eller november 2025/],
  ["måned", "juni -26", undefined, ["2026-06-01", "2026-06-30"]],
  ["måned", "mai '21", 2026, ["2021-05-01", "2021-05-31"]],
  ["måned", "jul. 2026", undefined, ["2026-07-01", "2026-07-31"]],
  ["måned", "til jul 2026", undefined, /«jul» kan bety juli eller julen/],
  ["uke", "uke 12 2026", undefined, ["2026-03-16", "2026-03-22"]],
  ["uke", "uke 10–12", 2026, ["2026-03-02", "2026-03-22"]],
  ["uke", "uke 12-26", 2026, /kan bety uke 12 i 2026 eller ukene 12–26/],
  ["uke", "uke 40-2026", undefined, ["2026-09-28", "2026-10-04"]],
  ["årstid", "høsten 2025", undefined, ["2025-08-01", "2025-12-31"]],
  ["årstid", "høst-25", undefined, ["2025-08-01", "2025-12-31"]],
  ["årstid", "vår og høst 2026", undefined, ["2026-03-01", "2026-12-31"]],
  ["årstid", "i vår region i 2026", undefined, ["2026-01-01", "2026-12-31"]],
  ["påske", "påske 2026", undefined, ["2026-04-05", "2026-04-05"]],
  ["påske", "påsken 2025", undefined, ["2025-04-20", "2025-04-20"]],
  ["påske", "Planleggingsfase frem til påske 2027", undefined, [null, "2027-03-28"]],
  ["neste-år", "Frist for rapportering er 1. april neste år.", 2026, ["2027-04-01", "2027-04-01"]],
  ["neste-år", "01.04 året etter", 2026, ["2027-04-01", "2027-04-01"]],
  ["neste-år", "neste år og året etter", 2026, /året etter hvilket år/],
  ["neste-år", "1. april neste år", undefined, /«neste år» trenger planåret/],
  ["i-år", "i år", 2026, ["2026-01-01", "2026-12-31"]],
  ["i-år", "innen utgangen av i år", undefined, /«i år» trenger planåret/],
  ["nåtid", "ut 2028, innenfor rammene vi har i dag", undefined, [null, "2028-12-31"]],
  ["relativ-dag", "i morgen", undefined, /Forstod ikke «i morgen»/],
  ["hyppighet", "2026, estimert 700 000 kr pr år", undefined, ["2026-01-01", "2026-12-31"]],
  ["hyppighet", "evaluering per år", undefined, /^Fant ingen dato eller periode i «evaluering per år»$/],
  ["i-løpet-av", "Estimert 510 000kr i 2026 og i 2027", undefined, ["2026-01-01", "2027-12-31"]],
  ["perioden", "i perioden 2026–2029", undefined, ["2026-01-01", "2029-12-31"]],
  ["frem-mot", "frem mot 2027", undefined, /«frem mot» sier ikke/],
  ["frem-mot", "frem mot revisjonen i november 2026", undefined, ["2026-11-01", "2026-11-30"]],
  ["frem-mot", "Fram mot evaluering og videreføring fra 2027", undefined, /«frem mot» og «fra 2027»/],
  [
    "tilbakevisning",
    "over 3 år ut 2028 med behov for midler hvert år de tre årene",
    undefined,
    ["2026-01-01", "2028-12-31"],
  ],
  ["varighet-ord", "over to år fra 2026", undefined, ["2026-01-01", "2027-12-31"]],
  ["varighet-ord", "toårig prosjekt 2026-2027", undefined, ["2026-01-01", "2027-12-31"]],
  ["varighet-ord", "Prosjekt på et år.", undefined, /^«et år» er en varighet uten start/],
  ["til-og-med", "t.o.m. 2026", undefined, [null, "2026-12-31"]],
  ["til-og-med", "Finansiert tom juni 2026.", undefined, [null, "2026-06-30"]],
  ["til-og-med", "fom april 2026 til og med september 2026", undefined, ["2026-04-01", "2026-09-30"]],
  ["til-og-med", "resten av 2026", undefined, [null, "2026-12-31"]],
  ["til-og-med", "t o m 2026", undefined, [null, "2026-12-31"]],
  ["til-og-med", "inntil 31.12.2026", undefined, [null, "2026-12-31"]],
  // "til 2027" alone: is 2027 included?
  ["til-og-med", "frem til 2027", undefined, /sier ikke om 2027 er med/],
  ["til-og-med", "fra 2025 til 2027", undefined, ["2025-01-01", "2027-12-31"]],
  ["til-og-med", "innen sommeren 2026", undefined, /sier ikke om det er før eller i løpet av sommeren/],
  ["til-og-med", "innen utgangen av sommeren 2026", undefined, [null, "2026-08-31"]],
  ["bindestrek", "- 31.12.2026", undefined, [null, "2026-12-31"]],
  ["pil", "2026 →", undefined, ["2026-01-01", null]],
  ["pil", "2026 ->", undefined, ["2026-01-01", null]],
  ["prosjektperiode", "Prosjektperiode: 2025-2027", undefined, ["2025-01-01", "2027-12-31"]],
  ["prosjektperiode", "i pilotperioden ut mars 2026", undefined, /Forstod ikke tidsordet «pilotperioden»/],
  ["slutt-ord", "Avsluttes 2026", undefined, [null, "2026-12-31"]],
  ["slutt-ord", "Sluttdato: 30.06.2026", undefined, [null, "2026-06-30"]],
  ["slutt-ord", "Ferdigstilles i juni 2026", undefined, [null, "2026-06-30"]],
  ["slutt-ord", "Status per 1. tertial 2026", undefined, [null, "2026-04-30"]],
  ["fra", "fra og med 2027", undefined, ["2027-01-01", null]],
  ["fra", "siden januar 2023", undefined, ["2023-01-01", null]],
  ["fra", "tidligst 2027", undefined, ["2027-01-01", null]],
  ["fra", "f o m 2026", undefined, ["2026-01-01", null]],
  // the extension, not the length: the period ends at the new date
  [
    "forlenget-med",
    "Forlengelse med ett år er innvilget, ny sluttdato 31.12.2028.",
    undefined,
    [null, "2028-12-31"],
  ],
  [
    "forlenget-med",
    "01.01.2026 - 31.12.2027, med mulighet for forlengelse ett år",
    undefined,
    ["2026-01-01", "2027-12-31"],
  ],
  [
    "i-gang",
    "Prosjektet har som mål å komme i gang med tiltak i Tønsberg i 2023.",
    undefined,
    ["2023-01-01", null],
  ],
  ["år-ord", "budsjettåret 2026", undefined, ["2026-01-01", "2026-12-31"]],
  ["ikke", "ikke før 2027", undefined, ["2027-01-01", null]],
  ["ikke", "ikke senere enn 30.06.2026", undefined, [null, "2026-06-30"]],
  ["ikke", "ikke i 2026", undefined, /«ikke i 2026» sier når noe ikke skal skje/],
  ["ikke", "Ikke aktuelt før 2027", undefined, ["2027-01-01", null]],
  ["ikke", "Ingen midler i 2026", undefined, /«ingen midler i 2026» sier når noe ikke skal skje/],
  ["overført", "Midlene er overført til 2026", undefined, ["2026-01-01", "2026-12-31"]],
  [
    "overført",
    "Disponible midler overført fra 2024",
    undefined,
    /«overført fra» sier hvilket år midlene kommer fra/,
  ],
  [
    "utsatt",
    "Vedtak om å opprette FSU-IKT fra 2023, utsettes",
    undefined,
    /gjelder ikke lenger: teksten sier at den er utsatt/,
  ],
  ["utsatt", "Møtet 5. mai er avlyst", 2026, /gjelder ikke lenger/],
  ["skulle-vært", "skulle vært operativ fra 25. april", 2026, /skulle skjedd/],
  ["spørsmål", "Videreføring i 2027?", undefined, /er et spørsmål, ikke en frist/],
  ["oppstart", "Oppstart 2026", undefined, ["2026-01-01", null]],
  ["oppstart", "Startdato 01.01.2026", undefined, ["2026-01-01", null]],
  ["oppstart", "Oppstart av implementering høsten 2026", undefined, ["2026-08-01", null]],
  ["oppstart", "3 år fra oppstart 2025", undefined, ["2025-01-01", "2027-12-31"]],
  ["etter", "etter første tertial 2026", undefined, ["2026-05-01", null]],
  ["etter", "3 år etter 2025", undefined, /en varighet «etter» eller «før» en periode/],
  ["før", "før 1. juli 2026", undefined, [null, "2026-06-30"]],
  // before summer: before 1 June, or before the holidays in July?
  ["før", "før sommeren 2026", undefined, /«før sommeren 2026» sier ikke hvilken dato/],
  ["etter", "etter påske 2026", undefined, /«etter påske 2026» sier ikke hvilken dato/],
  [
    "etter",
    "Videreutvikle tjenestemodellen etter endt pilotperiode ut mars 2026",
    undefined,
    ["2026-04-01", null],
  ],
  ["og-videre", "2026 og videre", undefined, ["2026-01-01", null]],
  ["og-videre", "2025-2026 og videre med drift", undefined, ["2025-01-01", null]],
  ["og-videre", "fra 2026 og utover", undefined, ["2026-01-01", null]],
  ["og-videre", "Finansiering utover 2027", undefined, /etter «utover» sier ikke om året er med/],
  ["og", "høsten 2025 og våren 2026", undefined, ["2025-08-01", "2026-06-30"]],
  ["og", "gjennom 2025 og 2026", undefined, ["2025-01-01", "2026-12-31"]],
  // one part names no start: the whole has none
  ["og", "innen 2026 og 2027", undefined, [null, "2027-12-31"]],
  ["eller", "mai eller juni 2026", undefined, /^Usikkert hvilken periode/],
  ["ukedag", "fredag 18. september 2026", undefined, ["2026-09-18", "2026-09-18"]],
  ["ukedag", "man. 5. januar 2026", undefined, ["2026-01-05", "2026-01-05"]],
  ["ukedag", "fre. 5. januar 2026", undefined, /05\.01\.2026 er en mandag, ikke fredag/],
  ["ukedag", "torsdag 18. september 2026", undefined, /18\.09\.2026 er en fredag, ikke torsdag/],
  ["ukedag", "hver andre torsdag", undefined, /En ukedag passer bare foran en dato|Fant ingen dato/],
  ["uten-tilskudd", "drift uten tilskuddsmidler fra 2027", undefined, [null, "2026-12-31"]],
  ["uten-tilskudd", "Fra 01.01.2027 overtar kommunene finansieringen", undefined, [null, "2026-12-31"]],
  ["uten-tilskudd", "er fra november 2025 gått inn vanlig drift", undefined, [null, "2025-10-31"]],
  ["søknad", "Engangstildeling – søkt på nytt for 2025", undefined, /er søkt om, ikke vedtatt/],
  ["deretter", "3 år fra 2025 deretter ordinær drift", undefined, ["2025-01-01", "2027-12-31"]],
  ["klokkeslett", "7. mai 2026 kl. 12:30", undefined, ["2026-05-07", "2026-05-07"]],
  ["saksnummer", "sak 24/25 i SSU 5. juni 2025", undefined, ["2025-06-05", "2025-06-05"]],
  ["nummer-etter-ord", "Trinn 1: Mars 2024 - 31.08 2027.", undefined, ["2024-03-01", "2027-08-31"]],
  // a date after the word is a date, not a number of the word
  ["nummer-etter-ord", "beslutte dette i møte 6.mars", 2026, ["2026-03-06", "2026-03-06"]],
  ["nummer-etter-ord", "møte 13.01.26", undefined, ["2026-01-13", "2026-01-13"]],
  ["nummer-etter-ord", "Trinn 1 2026-2027", undefined, ["2026-01-01", "2027-12-31"]],
  ["nummer-etter-ord", "kapittel 4.1.2 gjelder fra 2026", undefined, ["2026-01-01", null]],
  ["kroner-først", "inntil kr 850 000 i 2026", undefined, ["2026-01-01", "2026-12-31"]],
];

describe("each rule of the deadline reader", () => {
  it.each(CASES)("%s: %j", (_rule, text, planYear, want) => {
    const r = parseDeadlineUncached(text, planYear);
    if (want instanceof RegExp) {
      expect(r.ok, r.ok ? JSON.stringify(r.deadline) : "").toBe(false);
      if (!r.ok) expect(r.reason).toMatch(want);
      return;
    }
    if (!r.ok) throw new Error(`refused: ${r.reason}`);
    expect([r.deadline.start, r.deadline.end]).toEqual(want);
  });

  it("has a case for every rule in the table", () => {
    const covered = new Set(CASES.map((c) => c[0]));
    expect(RULES.map((r) => r.name).filter((n) => !covered.has(n))).toEqual([]);
    expect([...covered].filter((n) => !RULES.some((r) => r.name === n))).toEqual([]);
  });

  it("every rule has a Norwegian description and a unique name", () => {
    expect(new Set(RULES.map((r) => r.name)).size).toBe(RULES.length);
    for (const r of RULES) expect(r.doc, r.name).toMatch(/[æøå«]|\b(og|i|er|en|et|til|fra)\b/);
  });
});

describe("reading a text fully or not at all", () => {
  it.each([
    ["etter første tertial 2026 ble det ukjent", /./, "a start, not 31.12.2026"],
    ["frem til pinse 2026", /Forstod ikke tidsordet «pinse»/, "an unknown holiday is named"],
    ["3 prosjektår", /Forstod ikke «3 prosjektår»/, "the whole word, not «tallet 3»"],
    [
      "SSU vedtok 27.11.25 handlingsplan for 2026",
      /flere tidspunkt \(«27\.11\.25» og «2026»\)/,
      "decision date",
    ],
    ["Midlene tildelt i 2025 er overført til 2026", /flere tidspunkt/, "two years without a link"],
    ["over to år (nov 2025-okt 2028)", /passer ikke med perioden/, "a duration that contradicts the range"],
    ["Det deltar mellom 100-120 fastleger", /^Fant ingen dato eller periode/, "a count is not a date"],
    [
      "Bilen kjører ca. 15–20 000 km per år",
      /^Forstod ikke «15–20» i «Bilen kjører ca\. 15–20 000 km per år»$/,
      "kilometres",
    ],
    [
      "Org.nr. 991 324 968",
      /^Fant ingen dato eller periode i «Org\.nr\. 991 324 968»$/,
      "no example offered",
    ],
  ])("%j", (text, want) => {
    const r = parseDeadlineUncached(text);
    if (text.startsWith("etter")) {
      // "etter første tertial 2026" must never read as the year's end
      expect(r.ok && r.deadline.end).not.toBe("2026-12-31");
      return;
    }
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(want);
  });

  it("suggests an example only when the text looks like a deadline", () => {
    const short = parseDeadlineUncached("snarest");
    expect(!short.ok && short.reason).toMatch(/Skriv for eksempel/);
    const none = parseDeadlineUncached("Ikke oppgitt");
    expect(!none.ok && none.reason).not.toMatch(/Skriv for eksempel/);
    const long = parseDeadlineUncached("Det skal gjennomføres en lengre vurdering av dette snarest mulig");
    expect(!long.ok && long.reason).not.toMatch(/Skriv for eksempel/);
  });
});
