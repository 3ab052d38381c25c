import { DeadLettersAdmin } from '@/features/admin/components/dead-letters-admin';

export function AdminFailedMessagesRoute() {
  return (
    <>
      <title>Failed messages · Administration · Recon</title>
      <DeadLettersAdmin />
    </>
  );
}
