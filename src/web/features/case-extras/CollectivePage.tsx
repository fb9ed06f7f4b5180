// PLACEHOLDER — replaced by the issue 4 console work.
export default function CollectivePage() {
  return <div>CollectivePage</div>;
}
