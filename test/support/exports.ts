import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/ipc/contract';

interface Caller {
  call<K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>>;
}

/** The exports of the console's audit trail, newest first, as the export log read: kind, format, file, SHA-256, who. */
export async function exportsOf(app: Caller) {
  const { entries } = await app.call('audit.trail', { kinds: ['export'] });
  return entries.map((entry) => {
    const detail = entry.detail as { format: string; fileName: string; sha256: string };
    return {
      at: entry.at,
      kind: entry.action,
      format: detail.format,
      fileName: detail.fileName,
      sha256: detail.sha256,
      actor: entry.actor,
    };
  });
}
