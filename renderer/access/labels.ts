import { useTranslation } from 'react-i18next';
import type { AccessScope } from '../../shared/api/access';

/** A scope's name in the reader's language ("finance:payment_records" is finance → payment_records in the texts). */
export function useScopeLabel() {
  const { t } = useTranslation('access');
  return (scope: AccessScope) => t(`scope.${scope.replace(':', '.')}` as 'scope.finance.payment_records');
}
