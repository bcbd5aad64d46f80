/** Renders page text as text, with the triggering words marked. Page text is data, never markup. */
export function Highlight({ text, term }: { text: string; term?: string }) {
  if (!term) return <>{text}</>;
  const at = text.toLocaleLowerCase().indexOf(term.toLocaleLowerCase());
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <mark>{text.slice(at, at + term.length)}</mark>
      {text.slice(at + term.length)}
    </>
  );
}
