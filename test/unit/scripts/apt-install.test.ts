import { describe, expect, it } from 'vitest';
import { aptPlan, type AptFacts } from '../../../scripts/apt-install.mjs';

const base: AptFacts = { packages: ['libsecret-1-dev', 'pkg-config'], uid: 1000, hasApt: true, hasSudo: true, sudoWithoutPassword: false, interactive: true, why: 'keytar needs its build tools' };

describe('installing Debian packages: root without sudo, a user with it', () => {
  it('as root, runs apt-get directly (no sudo: a root container may not even have it)', () => {
    expect(aptPlan({ ...base, uid: 0, hasSudo: false })).toEqual({ kind: 'run', prefix: [] });
    expect(aptPlan({ ...base, uid: 0 })).toEqual({ kind: 'run', prefix: [] });
  });

  it('as a user at a terminal, uses sudo (it may ask for the password)', () => {
    expect(aptPlan(base)).toEqual({ kind: 'run', prefix: ['sudo'] });
  });

  it('as a user without a terminal, uses sudo only where it needs no password', () => {
    expect(aptPlan({ ...base, interactive: false, sudoWithoutPassword: true })).toEqual({ kind: 'run', prefix: ['sudo'] });
    const told = aptPlan({ ...base, interactive: false });
    expect(told).toEqual({ kind: 'tell', line: 'keytar needs its build tools: run  sudo apt-get install libsecret-1-dev pkg-config  (or: npm run setup)' });
  });

  it('as a user without sudo, says what to run instead of failing on a missing command', () => {
    expect(aptPlan({ ...base, hasSudo: false }).kind).toBe('tell');
  });

  it('without apt-get, names the packages to find equivalents of, in one line', () => {
    const plan = aptPlan({ ...base, uid: 0, hasApt: false });
    expect(plan.kind).toBe('tell');
    if (plan.kind === 'tell') {
      expect(plan.line).toContain('libsecret-1-dev pkg-config');
      expect(plan.line).not.toContain('\n');
    }
  });
});
