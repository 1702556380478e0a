import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from '../../../renderer/app';
import { createFakeApi, type FakeOptions } from './fake-api';

/** Installs a fake api as window.signin, renders the whole app and waits for its first screen. */
export async function renderApp(options: FakeOptions = {}, firstScreen = 'home') {
  const fake = createFakeApi(options);
  window.signin = fake.api;
  const user = userEvent.setup();
  const view = render(<App />);
  await screen.findByTestId(`screen-${firstScreen}`);
  return { fake, user, view };
}
