/**
 * The row of buttons that ends a step: a primary action (a form's submit button unless it
 * has its own onClick) and a secondary way back. Both are disabled while the step waits.
 */
export function FormActions({
  primary,
  secondary,
  loading = false,
}: {
  primary: { label: string; onClick?: () => void; disabled?: boolean };
  secondary: { label: string; onClick: () => void };
  loading?: boolean;
}) {
  return (
    <div className="actions" aria-busy={loading}>
      <button type={primary.onClick ? 'button' : 'submit'} disabled={loading || primary.disabled} onClick={primary.onClick}>
        {primary.label}
      </button>
      <button type="button" className="secondary" disabled={loading} onClick={secondary.onClick}>
        {secondary.label}
      </button>
    </div>
  );
}
