// Settings → Sign-in methods: the external provider identities linked to this account (issue 14;
// owned by the external-providers work). None configured yet: nothing is shown.
export function LinkedAccountsSection(): null {
  return null;
}
