import { createContext, type ReactNode, useContext } from 'react';
import type { PrivacyConsoleBridge } from '../../shared/ipc/bridge';

const BridgeContext = createContext<PrivacyConsoleBridge | null>(null);

export function BridgeProvider({ bridge, children }: { bridge: PrivacyConsoleBridge; children: ReactNode }) {
  return <BridgeContext.Provider value={bridge}>{children}</BridgeContext.Provider>;
}

export function useBridge(): PrivacyConsoleBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge outside BridgeProvider');
  return bridge;
}
