import { useTranslation } from 'react-i18next';
import { useConfirm } from '../app/dialogs';
import { useStaffNames } from '../app/staff';
import { useWorkspace } from '../app/workspace';

/**
 * Taking a request from the colleague who has it (or removing them) asks first, naming both; the change
 * waits a moment before it is sent (undone from the request's bar, where one is shown). One's own requests
 * change at once.
 */
export function useAssignGuard({ undoShown }: { undoShown: boolean }) {
  const { t } = useTranslation('dsar');
  const staffName = useStaffNames();
  const me = useWorkspace().data?.me?.staff.id ?? null;
  const confirm = useConfirm();
  const guard = (current: string | null, next: string | null, assign: () => void) => {
    if (current === null || current === next || current === me) return assign();
    const who = { current: staffName(current), next: next ? staffName(next) : '' };
    const texts = next ? 'takeOver' : 'release';
    confirm.ask({
      title: t(`irreversible.${texts}.title`, who),
      consequence: t(`irreversible.${texts}.body`, who),
      note: undoShown ? t('irreversible.undoHint') : undefined,
      confirmLabel: t(`irreversible.${texts}.confirm`),
      onConfirm: assign,
    });
  };
  return { guard, element: confirm.element };
}
