import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MethodChoice } from '../store/types';

interface MethodChoiceListProps {
  legend: string;
  methods: MethodChoice[];
  selected: string;
  onSelect: (id: string) => void;
  /** Methods already passed in this reset: shown, not selectable again. */
  used?: string[];
}

/** Radio buttons of verification methods with their masked hints ("Authenticator app (Pixel)"). */
export function MethodChoiceList({ legend, methods, selected, onSelect, used = [] }: MethodChoiceListProps) {
  const { t } = useTranslation();
  const name = useId();
  return (
    <fieldset className="choices">
      <legend>{legend}</legend>
      {methods.map((m) => {
        const id = `${name}-${m.id}`;
        const isUsed = used.includes(m.id);
        const label = m.hint ? t('secondFactor.methodWithHint', { method: t(`methods.${m.type}`), hint: m.hint }) : t(`methods.${m.type}`);
        return (
          <div className="choice" key={m.id}>
            <input type="radio" id={id} name={name} value={m.id} checked={selected === m.id} disabled={isUsed} onChange={() => onSelect(m.id)} />
            <label htmlFor={id}>
              {label}
              {isUsed && <span className="badge"> {t('reset.verified')}</span>}
            </label>
          </div>
        );
      })}
    </fieldset>
  );
}
