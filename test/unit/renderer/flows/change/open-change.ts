import { act, screen } from '@testing-library/react';
import { useStore } from '../../../../../renderer/store/store';

/**
 * Opens "Change my password" the way the shell does (beginChange, then the flow on screen):
 * the ways in (home, --change, deep links) are the shell's and tested with it.
 */
export async function openChange(userId?: string): Promise<void> {
  act(() => {
    useStore.getState().beginChange(userId);
    const app = useStore.getState().app;
    if (app.step === 'ready') useStore.setState({ app: { ...app, flow: 'change', returnTo: 'home' } });
  });
  await screen.findByTestId('screen-change');
  await screen.findByText('Your new password must');
}
