import type { Dsar } from '../../shared/api/dsar';
import type { ClockSettings, MessageKind } from '../../shared/api/dsar-workflow';
import { localDate } from '../../shared/domain/calendar';
import { dueOnly, ledgerOf } from '../../shared/domain/dsar-clock';
import { renderMessage } from '../../shared/domain/dsar-messages';
import { deliveredJob } from '../../shared/domain/dsar-package';
import type { Setting } from '../cache/settings';

/** Messages to the subject from their templates, in the subject's language, with this controller's dates. */
export function messageDrafter(deps: { clock: Setting<ClockSettings>; controllerName(): string }) {
  return (dsar: Dsar, kind: MessageKind) => {
    const clock = deps.clock.get();
    return renderMessage(kind, dsar.subject.locale, {
      subjectName: dsar.subject.name,
      requestId: dsar.id,
      type: dsar.type,
      receivedOn: localDate(dsar.receivedAt, clock.timeZone),
      dueDate: dueOnly(ledgerOf(dsar), clock).due,
      controllerName: deps.controllerName(),
      delivered: deliveredJob(dsar) !== null,
    });
  };
}
