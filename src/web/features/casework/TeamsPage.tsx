// PLACEHOLDER — replaced by the issue 4 console work.
export default function TeamsPage() {
  return <div>TeamsPage</div>;
}
