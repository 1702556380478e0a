import { lazy, Suspense, type ComponentType } from 'react';
import type { VerifyStepProps } from '../method-module';
import { useTranslation } from 'react-i18next';
import { Progress } from '../../components/progress';

/** What shows while a method's screens are fetched: a polite "Loading…". */
export function StepLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="method-loading">
      <Progress label={t('method.common.loading')} />
    </div>
  );
}

/**
 * A method's Add wizard or Verify step, loaded on first use (React.lazy) so the app's
 * initial bundle carries only the icons and texts. The Suspense boundary sits inside, so
 * flows render it like any component.
 */
export function lazyStep<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Lazy = lazy(async () => ({ default: await load() }));
  function LazyStep(props: P) {
    return (
      <Suspense fallback={<StepLoading />}>
        <Lazy {...props} />
      </Suspense>
    );
  }
  return LazyStep;
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
