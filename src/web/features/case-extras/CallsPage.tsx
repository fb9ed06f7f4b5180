// PLACEHOLDER — replaced by the issue 4 console work.
export default function CallsPage() {
  return <div>CallsPage</div>;
}
