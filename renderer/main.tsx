import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import './app/app.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { StartupError } from './app/StartupError';
import { prefetchStart } from './app/startup';
import { cssVariables, theme } from './app/theme';
import { connectBridge } from './bridge/connect';
import { BridgeProvider } from './bridge/context';
import { followConnection } from './connection/useConnection';
import { initI18n } from './i18n';
import { followCache } from './sync/follow-cache';

const root = createRoot(document.getElementById('root') as HTMLElement);
const i18n = await initI18n();
// The cache is local and the bridge pushes `cache.changed`: queries never go stale on a timer.
const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Number.POSITIVE_INFINITY, retry: false } } });

const render = (content: React.ReactNode) =>
  root.render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables} defaultColorScheme="light">
        <Notifications position="bottom-right" />
        {content}
      </MantineProvider>
    </StrictMode>,
  );

try {
  const bridge = await connectBridge(() => render(<StartupError message={i18n.t('app.connectionLost')} />));
  // Following the bridge's events before the first question: no answer is older than an event it missed.
  followConnection(bridge, queryClient);
  followCache(bridge, queryClient);
  void prefetchStart(bridge, queryClient);
  render(
    <BridgeProvider bridge={bridge}>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </BridgeProvider>,
  );
} catch (error) {
  render(<StartupError message={error instanceof Error ? error.message : String(error)} />);
}
