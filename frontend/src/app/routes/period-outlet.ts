import { useOutletContext } from 'react-router';
import type { Period } from '@/features/periods/api/get-period';

/** The period whose frame (`PeriodRoute`) renders the current page. */
export function usePeriodOutlet(): Period {
  return useOutletContext<Period>();
}
