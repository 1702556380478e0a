import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeLimitWarning, type TimeLimitWarningProps } from '../../../../renderer/components/time-limit-warning';

const START = Date.UTC(2026, 0, 1, 12, 0, 0);

function props(over: Partial<TimeLimitWarningProps> = {}): TimeLimitWarningProps {
  return {
    deadline: START + 90_000,
    warnBeforeMs: 60_000,
    paused: false,
    title: 'Are you still there?',
    body: (s) => `Time runs out in ${s} seconds.`,
    extendLabel: 'Keep going',
    onExtend: vi.fn(),
    name: 'test',
    ...over,
  };
}

const tick = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const announcement = () => screen.getByTestId('time-limit-test-announcement').textContent;

describe('TimeLimitWarning', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(START);
  });
  afterEach(() => vi.useRealTimers());

  it('appears warnBeforeMs before the deadline as a labelled alertdialog with focus on Extend, and gives focus back', () => {
    const p = props();
    const view = render(
      <>
        <button type="button">Before</button>
        <TimeLimitWarning {...p} />
      </>,
    );
    screen.getByRole('button', { name: 'Before' }).focus();
    expect(screen.queryByRole('alertdialog')).toBeNull();
    tick(29_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    tick(1_000);
    const dialog = screen.getByRole('alertdialog', { name: 'Are you still there?' });
    expect(dialog).toHaveAccessibleDescription('Time runs out in 60 seconds.');
    expect(screen.getByRole('button', { name: 'Keep going' })).toHaveFocus();
    screen.getByRole('button', { name: 'Keep going' }).click();
    expect(p.onExtend).toHaveBeenCalledTimes(1);
    // The deadline moves on: the warning goes and focus returns.
    view.rerender(
      <>
        <button type="button">Before</button>
        <TimeLimitWarning {...p} deadline={START + 600_000} />
      </>,
    );
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Before' })).toHaveFocus();
  });

  it('counts down every second but announces only on appearance, at 30 s and at 10 s', () => {
    render(<TimeLimitWarning {...props()} />);
    tick(30_000);
    expect(announcement()).toBe('Time runs out in 60 seconds.');
    tick(5_000);
    expect(screen.getByRole('alertdialog')).toHaveAccessibleDescription('Time runs out in 55 seconds.');
    expect(announcement()).toBe('Time runs out in 60 seconds.');
    tick(25_000);
    expect(announcement()).toBe('Time runs out in 30 seconds.');
    tick(19_000);
    expect(announcement()).toBe('Time runs out in 30 seconds.');
    tick(1_000);
    expect(announcement()).toBe('Time runs out in 10 seconds.');
  });

  it('expires once at the deadline, offers Start over, and never shows or expires while paused', () => {
    const onExpire = vi.fn();
    const onRestart = vi.fn();
    const p = props({ onExpire, onRestart, restartLabel: 'Start over' });
    const view = render(<TimeLimitWarning {...p} paused />);
    tick(120_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(onExpire).not.toHaveBeenCalled();
    view.rerender(<TimeLimitWarning {...p} deadline={START + 180_000} paused={false} />);
    tick(1_000);
    screen.getByRole('button', { name: 'Start over' }).click();
    expect(onRestart).toHaveBeenCalledTimes(1);
    tick(60_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    tick(5_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('shows nothing without a deadline', () => {
    render(<TimeLimitWarning {...props({ deadline: null })} />);
    tick(600_000);
    expect(screen.queryByRole('alertdialog')).toBeNull();
  });
});
