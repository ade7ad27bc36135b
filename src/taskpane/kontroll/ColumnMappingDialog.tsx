import * as React from "react";
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Option,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { PlanColumnKey } from "../../core/plan";
import { MAPPING_FIELDS, duplicateColumns, missingRequired, type SheetColumn } from "./mapping";

const NONE = "";

const useStyles = makeStyles({
  surface: { maxWidth: "min(420px, calc(100vw - 24px))", boxSizing: "border-box", padding: tokens.spacingHorizontalL },
  fields: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, marginTop: tokens.spacingVerticalS },
  dropdown: { minWidth: 0, width: "100%" },
});

interface Props {
  open: boolean;
  sheet: string;
  columns: SheetColumn[];
  initial: Partial<Record<PlanColumnKey, string>>;
  onSave: (mapping: Partial<Record<PlanColumnKey, string>>) => void;
  onCancel: () => void;
}

/** Lets the user say which column holds Nr, Tiltak, Frist … when the header is not recognised. */
export function ColumnMappingDialog({ open, sheet, columns, initial, onSave, onCancel }: Props) {
  const styles = useStyles();
  const [mapping, setMapping] = React.useState(initial);
  const [tried, setTried] = React.useState(false);
  React.useEffect(() => {
    if (open) {
      setMapping(initial);
      setTried(false);
    }
  }, [open, initial]);

  const missing = missingRequired(mapping);
  const duplicates = duplicateColumns(mapping);
  const labelOf = (letters: string | undefined) =>
    letters ? (columns.find((c) => c.letters === letters)?.label ?? letters) : "(ingen)";

  const save = () => {
    setTried(true);
    if (missing.length === 0 && duplicates.length === 0) onSave(mapping);
  };

  return (
    <Dialog open={open} onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Velg kolonner</DialogTitle>
          <DialogContent>
            <Text block>
              Fant ikke overskriftene i arket «{sheet}». Velg hvilken kolonne som inneholder hva. Valget lagres i
              dokumentet.
            </Text>
            <div className={styles.fields}>
              {MAPPING_FIELDS.map((f) => {
                const value = mapping[f.key];
                const isDup = value !== undefined && duplicates.includes(value);
                const isMissing = tried && f.required && !value;
                return (
                  <Field
                    key={f.key}
                    label={f.required ? `${f.label} (påkrevd)` : f.label}
                    validationState={isDup || isMissing ? "error" : "none"}
                    validationMessage={
                      isDup ? `Kolonne ${value} er valgt flere ganger.` : isMissing ? `Velg kolonnen for ${f.label}.` : undefined
                    }
                  >
                    <Dropdown
                      className={styles.dropdown}
                      value={labelOf(value)}
                      selectedOptions={[value ?? NONE]}
                      onOptionSelect={(_, d) =>
                        setMapping((m) => {
                          const next = { ...m };
                          if (d.optionValue) next[f.key] = d.optionValue;
                          else delete next[f.key];
                          return next;
                        })
                      }
                    >
                      <Option value={NONE}>(ingen)</Option>
                      {columns.map((c) => (
                        <Option key={c.letters} value={c.letters}>
                          {c.label}
                        </Option>
                      ))}
                    </Dropdown>
                  </Field>
                );
              })}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={save}>
              Lagre og kontroller
            </Button>
            <Button appearance="secondary" onClick={onCancel}>
              Avbryt
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
