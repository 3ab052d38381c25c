import { UsersAdmin } from '@/features/admin/components/users-admin';

export function AdminUsersRoute() {
  return (
    <>
      <title>Users · Administration · Recon</title>
      <UsersAdmin />
    </>
  );
}
