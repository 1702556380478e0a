/**
 * A default name not yet in use: "Authenticator app", then "Authenticator app 2", "… 3".
 * Compared case-insensitively after trimming, as people read names.
 */
export function distinctName(base: string, existingLabels: readonly string[]): string {
  const taken = new Set(existingLabels.map((l) => l.trim().toLocaleLowerCase()));
  if (!taken.has(base.toLocaleLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!taken.has(candidate.toLocaleLowerCase())) return candidate;
  }
}

/** True when `name` is already one of `existingLabels` (same comparison as distinctName). */
export function nameTaken(name: string, existingLabels: readonly string[]): boolean {
  const wanted = name.trim().toLocaleLowerCase();
  return existingLabels.some((l) => l.trim().toLocaleLowerCase() === wanted);
}
