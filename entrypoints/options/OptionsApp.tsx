export function OptionsApp() {
  return (
    <main className="options">
      <h1>DM Desk</h1>
    </main>
  );
}
