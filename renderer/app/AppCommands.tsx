import { spotlight } from '@mantine/spotlight';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useBridge } from '../bridge/context';

/** What the desktop shell's menu, a deep link or a second start asks of the app: a screen, the palette, the key help. */
export function AppCommands({ onHelp }: { onHelp(): void }) {
  const bridge = useBridge();
  const navigate = useNavigate();
  useEffect(
    () =>
      bridge.on('app.command', (command) => {
        if ('go' in command) navigate(command.go);
        else if (command.open === 'palette') spotlight.open();
        else onHelp();
      }),
    [bridge, navigate, onHelp],
  );
  return null;
}
