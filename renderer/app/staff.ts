import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { mayBeAssigned } from '../../shared/domain/dsar';
import { useBridge } from '../bridge/context';
import { shellQueries } from './queries';

export function useStaff() {
  const bridge = useBridge();
  return useQuery(shellQueries.staff(bridge));
}

/** Staff id → display name, falling back to the id while the staff list loads. */
export function useStaffNames() {
  const staff = useStaff();
  return useCallback((id: string) => staff.data?.find((s) => s.id === id)?.name ?? id, [staff.data]);
}

/** Who may be assigned a request: the same rule the console checks and the platform enforces. */
export function useAssignableStaff() {
  const staff = useStaff();
  return useMemo(() => (staff.data ?? []).filter((member) => mayBeAssigned(member)), [staff.data]);
}
