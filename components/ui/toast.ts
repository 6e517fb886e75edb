// Outcome toasts: the one way to show one (`toast.success("Saved.")`). sonner is not part of any
// page's first load: <Toaster /> (toaster.tsx) loads and mounts it after hydration, and a toast
// imports it on first use and waits until that Toaster listens, as sonner drops toasts shown
// before its Toaster has subscribed.

let markMounted: () => void = () => {};
const mounted = new Promise<void>((resolve) => {
  markMounted = resolve;
});

/** Called by the Toaster once sonner's own Toaster has subscribed to the toast queue. */
export function toasterMounted(): void {
  markMounted();
}

function show(kind: "success" | "error", message: string): void {
  void Promise.all([import("sonner"), mounted]).then(([{ toast: sonner }]) => sonner[kind](message));
}

export const toast = {
  success: (message: string) => show("success", message),
  error: (message: string) => show("error", message),
};
