import { PlatformChips } from '@/components/PlatformChips';
import { usePlatformStates } from '@/components/useInbox';

export function PopupApp() {
  const states = usePlatformStates();
  return (
    <main className="popup" aria-label="DM Desk">
      <h1 className="visually-hidden">DM Desk</h1>
      <PlatformChips states={states ?? []} />
    </main>
  );
}
