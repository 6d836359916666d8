import type { ReactNode } from "react";
import { Label } from "@/components/ui/label";
import type { ParamDescriptor } from "@/lib/models/params";

/** Label, control, help and error for one field, with ids wired for screen readers. */
export function FieldShell({
  param,
  id,
  error,
  children,
  aside,
  labelFor = true,
}: {
  param: ParamDescriptor;
  id: string;
  error?: string;
  children: ReactNode;
  /** Shown at the end of the label row (a slider's value). */
  aside?: ReactNode;
  /** False for grouped controls that label themselves with aria-labelledby. */
  labelFor?: boolean;
}) {
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        {/* The mark stays outside the label, so the field's accessible name is exactly its label. */}
        <span className="flex items-center gap-1">
          {labelFor ? (
            <Label htmlFor={id}>{param.label}</Label>
          ) : (
            <span id={`${id}-label`} className="font-medium text-sm leading-none">
              {param.label}
            </span>
          )}
          {param.required ? <RequiredMark /> : null}
        </span>
        {aside}
      </div>
      {children}
      <FieldNotes param={param} id={id} error={error} />
    </div>
  );
}

function RequiredMark() {
  return (
    <span aria-hidden className="text-muted-foreground text-sm leading-none">
      *
    </span>
  );
}

/** aria-describedby for a control: its help and error lines, when present. */
/** The help line and the error under a field; their ids are what `describedBy` points at. */
export function FieldNotes({ param, id, error }: { param: ParamDescriptor; id: string; error?: string }) {
  return (
    <>
      {param.help ? (
        <p id={`${id}-help`} className="text-muted-foreground text-xs">
          {param.help}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-destructive text-sm">
          {error}
        </p>
      ) : null}
    </>
  );
}

export function describedBy(param: ParamDescriptor, id: string, error?: string): string | undefined {
  const ids = [param.help ? `${id}-help` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

export type FieldProps<V> = {
  param: ParamDescriptor;
  id: string;
  value: V;
  onChange: (value: V) => void;
  error?: string;
  disabled?: boolean;
};
