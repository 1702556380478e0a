import { useEffect, useState, type ComponentType, type ReactNode } from 'react';

/** A screen whose code loads on first use, or earlier through `preload()`. */
export type Preloadable<P extends object> = ComponentType<P> & {
  /** Starts fetching the code (once; again after a failure). Never rejects: a failure shows on the screen. */
  preload: () => Promise<void>;
};

interface Options {
  /** Shown while the code is fetched. */
  fallback: ReactNode;
  /** Shown when fetching failed; `retry` fetches again. */
  failed: (retry: () => void) => ReactNode;
}

/**
 * A code-split screen that renders at once when its code is already here. Why not React.lazy:
 * a lazy component suspends on its first render even when its chunk was fetched ahead, and
 * React then holds the revealed screen back behind its Suspense fallback for ~300 ms (its
 * reveal throttle). The lock screen's first screen is a code-split flow, so that wait was
 * most of its start. Here the fallback is an ordinary render, and a failed fetch (a file
 * missing after an update, say) is an error with a retry rather than an empty window.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>, options: Options): Preloadable<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  const preload = () =>
    (pending ??= load().then(
      (component) => {
        loaded = component;
      },
      () => {
        pending = null; // the next preload() tries again
      },
    ));

  function Preloaded(props: P) {
    // 'fetching' → 'loaded' or 'failed'; a retry goes back to 'fetching', which fetches again.
    const [status, setStatus] = useState<'fetching' | 'loaded' | 'failed'>(loaded ? 'loaded' : 'fetching');
    useEffect(() => {
      if (status !== 'fetching') return;
      let live = true;
      void preload().then(() => {
        if (live) setStatus(loaded ? 'loaded' : 'failed');
      });
      return () => {
        live = false;
      };
    }, [status]);
    const Loaded = loaded;
    if (Loaded) return <Loaded {...props} />;
    if (status === 'failed') return options.failed(() => setStatus('fetching'));
    return options.fallback;
  }
  return Object.assign(Preloaded, { preload });
}
