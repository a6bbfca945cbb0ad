import type { Dsar } from '../../shared/api/dsar';
import type { ClockSettings, Message, MessageKind } from '../../shared/api/dsar-workflow';
import { templateIdOf } from '../../shared/api/letter-templates';
import { localDate } from '../../shared/domain/calendar';
import { dueOnly, ledgerOf } from '../../shared/domain/dsar-clock';
import { deliveredJob } from '../../shared/domain/dsar-package';
import { renderMessage } from '../../shared/domain/letter-templates';
import type { Setting } from '../cache/settings';
import type { TemplateCache } from './templates';

/** How a reply reaches the person unless the officer chooses: by e-mail where there is an address, else by post. */
export const defaultDelivery = (dsar: Dsar): Message['delivery'] => (dsar.subject.email ? 'email' : 'post');

/**
 * Messages to the subject from the team's templates, in the subject's language, with this controller's dates.
 */
export function messageDrafter(deps: { clock: Setting<ClockSettings>; controllerName(): string; templates: TemplateCache }) {
  return (dsar: Dsar, kind: MessageKind, delivery: Message['delivery'] = defaultDelivery(dsar)) => {
    const clock = deps.clock.get();
    const locale = dsar.subject.locale;
    return renderMessage(deps.templates.read(templateIdOf(locale)), kind, locale, {
      subjectName: dsar.subject.name,
      requestId: dsar.id,
      type: dsar.type,
      receivedOn: localDate(dsar.receivedAt, clock.timeZone),
      dueDate: dueOnly(ledgerOf(dsar), clock).due,
      controllerName: deps.controllerName(),
      delivered: deliveredJob(dsar) !== null,
      delivery,
    });
  };
}
