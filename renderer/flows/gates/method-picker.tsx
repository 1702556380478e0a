import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isTypeName } from '../../lib/method-label';
import { methodScreens } from '../../methods';
import type { GateMethod } from '../../store/types';

interface MethodPickerProps {
  legend: string;
  /** Strongest first (the slices sort them). */
  methods: GateMethod[];
  selected: string;
  onSelect: (id: string) => void;
  /** Methods already passed in this reset: shown, not selectable again. */
  used?: string[];
  disabled?: boolean;
}

/**
 * The methods one may pass a gate with, as radio buttons: icon, type and masked hint
 * ("Authenticator app (Work phone)"). Choosing one swaps the Verify step below it.
 */
export function MethodPicker({ legend, methods, selected, onSelect, used = [], disabled = false }: MethodPickerProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="method-picker">
      <legend>{legend}</legend>
      {methods.map((m) => {
        const id = `${name}-${m.id}`;
        const isUsed = used.includes(m.id);
        const { Icon } = methodScreens[m.type];
        const label = m.hint && !isTypeName(m.hint, m.type) ? t('secondFactor.methodWithHint', { method: t(`methods.${m.type}`), hint: m.hint }) : t(`methods.${m.type}`);
        return (
          <div className={selected === m.id ? 'picker-choice selected' : 'picker-choice'} key={m.id}>
            <input type="radio" id={id} name={name} value={m.id} checked={selected === m.id} disabled={isUsed || disabled} onChange={() => onSelect(m.id)} />
            <label htmlFor={id}>
              <Icon className="method-icon small" />
              <span>{label}</span>
              {isUsed && <span className="badge badge-success"> {t('reset.verified')}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
