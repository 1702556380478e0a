import type { TFunction } from 'i18next';
import { nameTaken } from './distinct-name';

/** Why a method's name cannot be used (empty, already taken), in words; null when it can. */
export function nameProblem(name: string, existingLabels: readonly string[], t: TFunction): string | null {
  if (!name.trim()) return t('method.common.nameMissing');
  if (nameTaken(name, existingLabels)) return t('method.common.nameTaken');
  return null;
}
