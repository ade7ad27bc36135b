/**
 * «Slik ble cellen lest»: how one plan row's Økonomi and Frist were read — every amount with its
 * year(s), source, the words it came from and whether it counts for the plan year; the frist as a
 * date range. Pure presentation: the explanation comes in as props (no Excel calls).
 */
import * as React from "react";
import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { formatNok } from "../../core/amount";
import { STANDING_NB } from "../../core/amount-explain";
import type { RowExplanation } from "../../core/plan/explain";
import { usePanelStyles } from "../ui";

const useStyles = makeStyles({
  small: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  refused: { color: tokens.colorStatusWarningForeground1 },
  number: { textAlign: "right", whiteSpace: "nowrap" },
});

export interface CellReadingProps {
  explanation: RowExplanation;
}

export function CellReading({ explanation: r }: CellReadingProps) {
  const styles = useStyles();
  const { panel } = usePanelStyles();
  const o = r.okonomi;
  const headingId = `cell-reading-${r.row}`;
  return (
    <section className={panel} aria-labelledby={headingId} data-testid="cell-reading">
      <Text weight="semibold" id={headingId}>
        Slik ble cellen lest (rad {r.row}
        {r.nr ? `, ${r.nr}` : ""})
      </Text>
      {r.frist ? (
        <Text size={200}>
          Frist {r.frist.cell} «{r.frist.text}»:{" "}
          <span className={r.frist.ok ? undefined : styles.refused}>{r.frist.label}</span>
        </Text>
      ) : (
        <Text className={styles.small}>Ingen frist i raden.</Text>
      )}
      {!o && <Text className={styles.small}>Ingen økonomi i raden.</Text>}
      {o && o.reading.kind !== "amounts" && (
        <Text size={200} className={styles.refused}>
          Økonomi {o.cell}: ingen beløp lest. {o.reading.reason}
          {o.reading.sources.length > 0 ? ` Kilder nevnt: ${o.reading.sources.join(", ")}.` : ""}
        </Text>
      )}
      {o && o.reading.kind === "amounts" && (
        <>
          <Text size={200}>Økonomi {o.cell}:</Text>
          <Table size="extra-small" aria-label={`Beløp i ${o.cell}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Beløp</TableHeaderCell>
                <TableHeaderCell>År</TableHeaderCell>
                <TableHeaderCell>Kilde</TableHeaderCell>
                <TableHeaderCell>Teller for {r.planYear}</TableHeaderCell>
                <TableHeaderCell>Fra teksten</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {o.reading.amounts.map((a, k) => (
                <TableRow key={k}>
                  <TableCell className={styles.number}>{formatNok(a.value)} kr</TableCell>
                  <TableCell>{a.yearLabel}</TableCell>
                  <TableCell>{a.source}</TableCell>
                  <TableCell>{a.standing ? STANDING_NB[a.standing] : ""}</TableCell>
                  <TableCell>
                    «{a.clause}»{a.note ? ` ${a.note}` : ""}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Text size={200}>
            RST for {r.planYear}: {formatNok(o.rstForYear)} kr
          </Text>
        </>
      )}
    </section>
  );
}
