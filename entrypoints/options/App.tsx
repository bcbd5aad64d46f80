export function App() {
  return (
    <main className="panel">
      <h1>DealScreen options</h1>
      <p>Watchlists and settings.</p>
    </main>
  );
}
