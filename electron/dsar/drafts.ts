import type { Dsar } from '../../shared/api/dsar';
import type { ClockSettings, DenialReason, MessageKind } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { dueOnly, ledgerOf } from '../../shared/domain/dsar-clock';
import { renderMessage } from '../../shared/domain/dsar-messages';
import type { Setting } from '../cache/settings';

/** Messages to the subject from their templates, in the subject's language, with this controller's dates. */
export function messageDrafter(deps: { clock: Setting<ClockSettings>; controllerName(): string }) {
  return (dsar: Dsar, kind: MessageKind, extra: { reason?: string; denialReason?: DenialReason } = {}) => {
    const clock = deps.clock.get();
    const ledger = ledgerOf(dsar);
    // The extension notice names the new date: the three-month period from the same start.
    const due = dueOnly(kind === 'extension_notice' ? { ...ledger, extendedAt: new Date().toISOString() } : ledger, clock).due;
    return renderMessage(kind, dsar.subject.locale, {
      subjectName: dsar.subject.name,
      requestId: dsar.id,
      type: dsar.type,
      receivedOn: localDate(dsar.receivedAt, clock.timeZone),
      dueDate: due,
      controllerName: deps.controllerName(),
      region: clock.region,
      ...extra,
    });
  };
}
