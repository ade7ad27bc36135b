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
  surface: {
    maxWidth: "min(420px, calc(100vw - 24px))",
    boxSizing: "border-box",
    padding: tokens.spacingHorizontalL,
  },
  fields: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    marginTop: tokens.spacingVerticalS,
  },
  dropdown: { minWidth: 0, width: "100%" },
});

interface Props {
  open: boolean;
  sheet: string;
  columns: SheetColumn[];
  initial: Partial<Record<PlanColumnKey, string>>;
  /** True when validation could not find the header row (the dialog opened by itself). */
  headerMissing: boolean;
  /** True when a mapping is saved in the document (offer to go back to automatic detection). */
  hasSaved: boolean;
  onSave: (mapping: Partial<Record<PlanColumnKey, string>>) => void;
  onReset: () => void;
  onCancel: () => void;
}

/** Lets the user say which column holds Nr, Tiltak, Frist … when the header is not recognised. */
export function ColumnMappingDialog({
  open,
  sheet,
  columns,
  initial,
  headerMissing,
  hasSaved,
  onSave,
  onReset,
  onCancel,
}: Props) {
  const styles = useStyles();
  const [mapping, setMapping] = React.useState(initial);
  const [tried, setTried] = React.useState(false);
  // Start from `initial` each time the dialog opens, but keep the user's picks while it is
  // open even if a live re-check produces a new starting point meanwhile.
  const initialRef = React.useRef(initial);
  initialRef.current = initial;
  React.useEffect(() => {
    if (open) {
      setMapping(initialRef.current);
      setTried(false);
    }
  }, [open]);

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
              {headerMissing
                ? `Fant ikke overskriftene i arket «${sheet}». Velg hvilken kolonne som inneholder hva.`
                : `Velg hvilken kolonne i arket «${sheet}» som inneholder hva.`}{" "}
              Valget lagres i dokumentet og brukes ved hver kontroll.
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
                      isDup
                        ? `Kolonne ${value} er valgt flere ganger.`
                        : isMissing
                          ? `Velg kolonnen for ${f.label}.`
                          : undefined
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
            {hasSaved && (
              <Button appearance="secondary" onClick={onReset}>
                Gjenkjenn automatisk
              </Button>
            )}
            <Button appearance="secondary" onClick={onCancel}>
              Avbryt
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
