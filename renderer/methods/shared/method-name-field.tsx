import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/text-field';
import { distinctName } from './distinct-name';
import { nameProblem } from './name-problem';

/**
 * The name a person gives an app, a device or a key: starts as a default not yet in use
 * ("Security key 2"), and says why it can't be used (empty, taken) once they try to save.
 */
export function useMethodName(base: string, existingLabels: readonly string[]) {
  const { t } = useTranslation();
  const [name, setName] = useState(() => distinctName(base, existingLabels));
  const [shown, setShown] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const problem = nameProblem(name, existingLabels, t);
  return {
    name,
    setName,
    problem,
    box,
    /** The name to save, trimmed; or null after showing the problem and moving focus to the field. */
    take(): string | null {
      if (!problem) return name.trim();
      setShown(true);
      box.current?.querySelector('input')?.focus();
      return null;
    },
    shownProblem: shown ? problem : null,
  };
}

export type MethodName = ReturnType<typeof useMethodName>;

/** The "Name" field of a method, bound to `useMethodName`. */
export function MethodNameField({ field, hint }: { field: MethodName; hint?: string }) {
  const { t } = useTranslation();
  return (
    <div ref={field.box}>
      <TextField label={t('method.common.name')} {...(hint ? { hint } : {})} value={field.name} onChange={field.setName} maxLength={64} autoComplete="off" fieldError={field.shownProblem} />
    </div>
  );
}
