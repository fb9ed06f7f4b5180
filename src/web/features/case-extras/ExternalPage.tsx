// PLACEHOLDER — replaced by the issue 4 console work.
export default function ExternalPage() {
  return <div>ExternalPage</div>;
}
