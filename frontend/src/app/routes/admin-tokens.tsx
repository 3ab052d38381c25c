import { TokensAdmin } from '@/features/admin/components/tokens-admin';

export function AdminTokensRoute() {
  return (
    <>
      <title>API tokens · Administration · Recon</title>
      <TokensAdmin />
    </>
  );
}
