import { Alert, Button } from '@mantine/core';
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Where a part of the page fails to render (most often a screen's or a chart's chunk that could not be loaded,
 * e.g. after the console was updated under an open page), only that part says so, with a way to reload: the
 * shell, its navigation and the other panels stay. `resetKey` (the route) tries again on navigation.
 */
export class PartBoundary extends Component<{ children: ReactNode; resetKey?: unknown }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidUpdate(previous: { resetKey?: unknown }) {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) this.setState({ failed: false });
  }

  override render() {
    return this.state.failed ? <PartFailed /> : this.props.children;
  }
}

function PartFailed() {
  const { t } = useTranslation();
  return (
    <Alert color="red" title={t('app.partFailed')} role="alert" data-testid="part-failed">
      {t('app.partFailedHint')}{' '}
      <Button size="xs" variant="light" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </Button>
    </Alert>
  );
}
