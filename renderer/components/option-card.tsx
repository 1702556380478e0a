import { useId, type ReactNode } from 'react';

interface OptionCardProps {
  /** The accessible name, exactly (e2e tests and voice control say it). */
  title: string;
  description?: string;
  /** A short tag after the title ("Less secure", "Reset only"); read as part of the description. */
  tag?: string;
  icon?: ReactNode;
  onClick: () => void;
  disabled?: boolean;
}

/**
 * A large choice drawn as a card: the home screen's two paths, the methods one can add.
 * The button's name is the title alone; the tag and description are its description, so
 * "Authenticator app" stays "Authenticator app" for screen readers and tests.
 */
export function OptionCard({ title, description, tag, icon, onClick, disabled = false }: OptionCardProps) {
  const id = useId();
  const described = description || tag;
  return (
    <button type="button" className="option-card" aria-label={title} aria-describedby={described ? `${id}-desc` : undefined} onClick={onClick} disabled={disabled}>
      {icon && (
        <span className="option-icon" aria-hidden="true">
          {icon}
        </span>
      )}
      <span className="option-text">
        <span className="option-title">{title}</span>
        {described && (
          <span id={`${id}-desc`} className="option-desc">
            {tag && <span className="tag">{tag}</span>}
            {tag && description ? ' ' : null}
            {description}
          </span>
        )}
      </span>
      <span className="option-chevron" aria-hidden="true">
        ›
      </span>
    </button>
  );
}
