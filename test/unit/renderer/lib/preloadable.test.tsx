import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { preloadable } from '../../../../renderer/lib/preloadable';

/** A loader the test resolves or rejects by hand, counting its calls. */
function controlledLoader() {
  const calls: { resolve: () => void; reject: (e: Error) => void }[] = [];
  const Screen = ({ who }: { who: string }) => <p>screen for {who}</p>;
  const load = () =>
    new Promise<typeof Screen>((resolve, reject) => {
      calls.push({ resolve: () => resolve(Screen), reject });
    });
  return { load, calls };
}

const options = {
  fallback: <p>loading</p>,
  failed: (retry: () => void) => (
    <button type="button" onClick={retry}>
      retry
    </button>
  ),
};

describe('preloadable', () => {
  it('shows the fallback while its code is fetched, then the screen with its props', async () => {
    const { load, calls } = controlledLoader();
    const Flow = preloadable(load, options);
    render(<Flow who="Ann" />);
    expect(screen.getByText('loading')).toBeTruthy();
    await act(async () => calls[0]!.resolve());
    expect(screen.getByText('screen for Ann')).toBeTruthy();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('renders the screen on its first render when preloaded (no fallback), fetching once', async () => {
    const { load, calls } = controlledLoader();
    const Flow = preloadable(load, options);
    const preloaded = Flow.preload();
    void Flow.preload();
    calls[0]!.resolve();
    await preloaded;
    render(<Flow who="Bo" />);
    expect(screen.getByText('screen for Bo')).toBeTruthy();
    expect(calls).toHaveLength(1);
  });

  it('a failed fetch shows the failure with a retry, and the retry fetches again', async () => {
    const { load, calls } = controlledLoader();
    const Flow = preloadable(load, options);
    render(<Flow who="Cy" />);
    await act(async () => calls[0]!.reject(new Error('chunk missing')));
    const retry = screen.getByRole('button', { name: 'retry' });
    fireEvent.click(retry);
    expect(screen.getByText('loading')).toBeTruthy();
    expect(calls).toHaveLength(2);
    await act(async () => calls[1]!.resolve());
    expect(screen.getByText('screen for Cy')).toBeTruthy();
  });

  it('preload() never rejects, and after a failure the next preload fetches again', async () => {
    const { load, calls } = controlledLoader();
    const Flow = preloadable(load, options);
    const first = Flow.preload();
    calls[0]!.reject(new Error('offline'));
    await expect(first).resolves.toBeUndefined();
    void Flow.preload();
    expect(calls).toHaveLength(2);
  });
});
