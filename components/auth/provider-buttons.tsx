// "Continue with …" buttons of the external sign-in providers the environment configures
// (issue 14; owned by the external-providers work). None configured yet: nothing is shown.
export function ProviderButtons(): null {
  return null;
}
