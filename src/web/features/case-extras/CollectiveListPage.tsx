// PLACEHOLDER — replaced by the issue 4 console work.
export default function CollectiveListPage() {
  return <div>CollectiveListPage</div>;
}
