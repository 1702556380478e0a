/**
 * Where IT's managed policy lives, by platform — the seam for managed configuration.
 * Linux reads a JSON file. Windows (HKLM\Software\Policies\…) and macOS (managed
 * preferences) need OS readers, which come in a later issue; until then they have no policy.
 */
export function managedPolicyPath(platform: NodeJS.Platform = process.platform): string | undefined {
  switch (platform) {
    case 'linux':
      return '/etc/sign-in-helper/policy.json';
    default:
      // win32 / darwin: registry and managed-preferences readers arrive with the managed-policy issue.
      return undefined;
  }
}
