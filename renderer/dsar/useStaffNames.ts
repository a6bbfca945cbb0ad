import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useBridge } from '../bridge/context';

export function useStaff() {
  const bridge = useBridge();
  return useQuery({ queryKey: ['staff'], queryFn: () => bridge['staff.list']() });
}

/** Staff id → display name, falling back to the id while the staff list loads. */
export function useStaffNames() {
  const staff = useStaff();
  return useCallback((id: string) => staff.data?.find((s) => s.id === id)?.name ?? id, [staff.data]);
}
