// @vitest-environment jsdom
import { MantineProvider } from '@mantine/core';
import { cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { lazyComponent } from '../../../renderer/app/lazy-screen';
import { PartBoundary } from '../../../renderer/app/PartBoundary';
import { initI18n } from '../../../renderer/i18n';
import { domForMantine } from '../../support/screen';

beforeAll(async () => {
  domForMantine();
  await initI18n('en');
});
afterEach(cleanup);

const flaky = { fail: true };
function Flaky() {
  if (flaky.fail) throw new Error('broken');
  return <span>shown</span>;
}

describe('a part of the page that cannot be loaded', () => {
  it('says so in its place, with a way to reload, while the rest of the page stays', async () => {
    // A chunk that is gone (the console was updated under the open page).
    const gone = (): Promise<{ Chart: () => null }> => Promise.reject(new Error('Failed to fetch dynamically imported module'));
    const Chart = lazyComponent(gone, 'Chart');
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <MantineProvider>
        <p>figures</p>
        <PartBoundary>
          <Suspense fallback={<span>loading</span>}>
            <Chart />
          </Suspense>
        </PartBoundary>
      </MantineProvider>,
    );
    expect((await screen.findByTestId('part-failed')).textContent).toContain('This part of the console could not be shown.');
    expect(screen.getByRole('button', { name: 'Reload' })).toBeTruthy();
    expect(screen.getByText('figures')).toBeTruthy();
    quiet.mockRestore();
  });

  it('tries again when its key changes (the next route)', async () => {
    flaky.fail = true;
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const page = (key: string) => (
      <MantineProvider>
        <PartBoundary resetKey={key}>
          <Flaky />
        </PartBoundary>
      </MantineProvider>
    );
    const { rerender } = render(page('/a'));
    expect(screen.getByTestId('part-failed')).toBeTruthy();
    flaky.fail = false;
    rerender(page('/b'));
    expect(await screen.findByText('shown')).toBeTruthy();
    quiet.mockRestore();
  });
});
