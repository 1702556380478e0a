import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorPanel } from '../../components/error-panel';
import { Progress } from '../../components/progress';
import { preloadable } from '../../lib/preloadable';
import type { VerifyStepProps } from '../method-module';

/** What shows while a method's screens are fetched: a polite "Loading…". */
export function StepLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="method-loading">
      <Progress label={t('method.common.loading')} />
    </div>
  );
}

/** A method's screens could not be fetched: the error, with a retry, where the step would be. */
function StepLoadFailed({ retry }: { retry: () => void }) {
  return (
    <div role="alert" className="method-loading">
      <ErrorPanel error={{ code: 'INTERNAL', message: "a method's screens could not be loaded" }} actions={{ retry }} />
    </div>
  );
}

const stepLoading = { fallback: <StepLoading />, failed: (retry: () => void) => <StepLoadFailed retry={retry} /> };

/**
 * A method's Add wizard or Verify step, loaded on first use so the app's initial bundle
 * carries only the icons and texts. It renders at once once fetched (lib/preloadable: no
 * Suspense reveal wait), so flows render it like any component.
 */
export function lazyStep<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  return preloadable(load, stepLoading);
}

/**
 * A lazily loaded Verify step that starts afresh for each method (keyed on its id), so a
 * flow switching from one phone to another never shows the first one's sent code.
 */
export function lazyVerify(load: () => Promise<ComponentType<VerifyStepProps>>): ComponentType<VerifyStepProps> {
  const Step = lazyStep(load);
  function KeyedVerify(props: VerifyStepProps) {
    return <Step key={props.method.id} {...props} />;
  }
  return KeyedVerify;
}
